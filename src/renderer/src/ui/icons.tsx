import type { ReactNode } from 'react'

export type TIconProps = {
  /** Rendered width and height in px. */
  size?: number
}

/** Icons are decorative: the text beside them carries the meaning, so they are hidden from assistive tech. */
function Icon({ size = 20, children }: TIconProps & { children: ReactNode }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  )
}

export const DashboardIcon = (props: TIconProps) => (
  <Icon {...props}>
    <rect x="3.5" y="3.5" width="7" height="8" rx="1.5" />
    <rect x="13.5" y="3.5" width="7" height="5" rx="1.5" />
    <rect x="13.5" y="11.5" width="7" height="9" rx="1.5" />
    <rect x="3.5" y="14.5" width="7" height="6" rx="1.5" />
  </Icon>
)

export const SurvivorsIcon = (props: TIconProps) => (
  <Icon {...props}>
    <circle cx="9" cy="8" r="3.25" />
    <path d="M3.5 19.5c0-3.04 2.46-5.5 5.5-5.5s5.5 2.46 5.5 5.5" />
    <circle cx="16.75" cy="9.25" r="2.5" />
    <path d="M16 14.1c2.6-.3 4.75 1.7 4.75 4.4" />
  </Icon>
)

export const LawyersIcon = (props: TIconProps) => (
  <Icon {...props}>
    <path d="M12 3.5v17" />
    <path d="M7.5 20.5h9" />
    <path d="M4.5 7h15" />
    <path d="M12 4.5 9.5 7M12 4.5 14.5 7" />
    <path d="M6.5 7 3.75 13.5a3 3 0 0 0 5.5 0L6.5 7Z" />
    <path d="M17.5 7l-2.75 6.5a3 3 0 0 0 5.5 0L17.5 7Z" />
  </Icon>
)

export const DirectoryIcon = (props: TIconProps) => (
  <Icon {...props}>
    <path d="M5 4.5A1.5 1.5 0 0 1 6.5 3h11A1.5 1.5 0 0 1 19 4.5v15a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 5 19.5v-15Z" />
    <path d="M9 3v18" />
    <path d="M12 8h4M12 11.5h4" />
  </Icon>
)

export const ReferralsIcon = (props: TIconProps) => (
  <Icon {...props}>
    <circle cx="6" cy="12" r="2.5" />
    <circle cx="18" cy="6" r="2.5" />
    <circle cx="18" cy="18" r="2.5" />
    <path d="M8.25 10.9 15.75 7.1M8.25 13.1l7.5 3.8" />
  </Icon>
)

export const ReportsIcon = (props: TIconProps) => (
  <Icon {...props}>
    <path d="M4 20.5h16" />
    <rect x="5.5" y="11" width="3" height="7" rx="0.75" />
    <rect x="10.5" y="6" width="3" height="12" rx="0.75" />
    <rect x="15.5" y="13.5" width="3" height="4.5" rx="0.75" />
  </Icon>
)

export const AdminIcon = (props: TIconProps) => (
  <Icon {...props}>
    <path d="M12 3 5 5.75v5.5c0 4.35 2.95 8.1 7 9.25 4.05-1.15 7-4.9 7-9.25v-5.5L12 3Z" />
    <path d="m9.25 12 2 2 3.75-4" />
  </Icon>
)

export const IntakeIcon = (props: TIconProps) => (
  <Icon {...props}>
    <path d="M14 3.5H7A1.5 1.5 0 0 0 5.5 5v14A1.5 1.5 0 0 0 7 20.5h10a1.5 1.5 0 0 0 1.5-1.5V8L14 3.5Z" />
    <path d="M14 3.5V8h4.5" />
    <path d="M9 12.5h6M9 16h4" />
  </Icon>
)

export const LockIcon = (props: TIconProps) => (
  <Icon {...props}>
    <rect x="5" y="10.5" width="14" height="10" rx="2" />
    <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" />
    <path d="M12 14.5v2.5" />
  </Icon>
)

export const CompassIcon = (props: TIconProps) => (
  <Icon {...props}>
    <circle cx="12" cy="12" r="8.5" />
    <path d="m15.5 8.5-2 5-5 2 2-5 5-2Z" />
  </Icon>
)

export const ArrowRightIcon = (props: TIconProps) => (
  <Icon {...props}>
    <path d="M5 12h14M13 6l6 6-6 6" />
  </Icon>
)

/** The product mark: a stylised scale of justice inside a rounded square. Decorative. */
export const ProductMark = ({ size = 32 }: TIconProps) => (
  <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    <rect width="32" height="32" rx="8" fill="var(--color-accent)" />
    <g fill="none" stroke="#ffffff" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round">
      <path d="M16 8v16M11 24h10M9 11.5h14" />
      <path d="M10.5 11.5 8 17a2.6 2.6 0 0 0 5 0l-2.5-5.5ZM21.5 11.5 19 17a2.6 2.6 0 0 0 5 0l-2.5-5.5Z" />
    </g>
  </svg>
)
