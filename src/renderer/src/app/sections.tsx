import type { ComponentType } from 'react'
import type { TRole } from '../../../shared/roles'
import {
  AdminIcon,
  DashboardIcon,
  DirectoryIcon,
  LawyersIcon,
  ReferralsIcon,
  ReportsIcon,
  SurvivorsIcon,
  type TIconProps,
} from '../ui'

export type TSectionId =
  'dashboard' | 'survivors' | 'lawyers' | 'directory' | 'referrals' | 'reports' | 'admin'

export type TSection = {
  id: TSectionId
  /** Route path; also the `href` of the nav link. */
  path: string
  icon: ComponentType<TIconProps>
}

/** The app's top-level sections, in sidebar order. Labels come from `nav.<id>`, page titles from `<id>.title`. */
export const SECTIONS: readonly TSection[] = [
  { id: 'dashboard', path: '/', icon: DashboardIcon },
  { id: 'survivors', path: '/survivors', icon: SurvivorsIcon },
  { id: 'lawyers', path: '/lawyers', icon: LawyersIcon },
  { id: 'directory', path: '/directory', icon: DirectoryIcon },
  { id: 'referrals', path: '/referrals', icon: ReferralsIcon },
  { id: 'reports', path: '/reports', icon: ReportsIcon },
  { id: 'admin', path: '/admin', icon: AdminIcon },
]

export const isSectionCurrent = (section: TSection, pathname: string): boolean =>
  section.path === '/'
    ? pathname === '/'
    : pathname === section.path || pathname.startsWith(`${section.path}/`)

/** Administration is for admins only: others would find nothing behind the link but "for administrators only". */
export const sectionsFor = (role: TRole): readonly TSection[] =>
  role === 'admin' ? SECTIONS : SECTIONS.filter((section) => section.id !== 'admin')
