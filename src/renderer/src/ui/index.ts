/** The design-system kit. It never imports from features or the app frame. */
export { Badge, type TBadgeProps } from './Badge'
export {
  Button,
  LinkButton,
  TextLink,
  type TButtonProps,
  type TButtonVariant,
  type TLinkButtonProps,
  type TTextLinkProps,
} from './Button'
export { Card, type TCardProps } from './Card'
export { EmptyState, type TEmptyStateProps } from './EmptyState'
export { PageHeader, type TPageHeaderProps } from './PageHeader'
export * from './icons'
