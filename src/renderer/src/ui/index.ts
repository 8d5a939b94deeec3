/** The design-system kit. It never imports from features or the app frame. */
export { AppBar, type TAppBarProps } from './AppBar'
export { Badge, type TBadgeProps } from './Badge'
export { BarChart, type TBar, type TBarChartProps } from './BarChart'
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
export { Section, type TSectionProps } from './Section'
export { TabLinks, type TTabLink, type TTabLinksProps } from './TabLinks'
export * from './icons'
export { BusyIndicator, type TBusyIndicatorProps } from './BusyIndicator'
export { DataCell, DataColumn, DataRow, DataTable, DataTableBody, DataTableHeader } from './DataTable'
export { DateField, type TDateFieldProps } from './DateField'
export {
  DialogActions,
  DialogFooter,
  ModalDialog,
  type TDialogFooterProps,
  type TModalDialogProps,
} from './ModalDialog'
export { ConfirmDialog, type TConfirmDialogProps } from './ConfirmDialog'
export { FormDialog, type TFormDialogProps } from './FormDialog'
export * from './form'
export { Notice, type TNoticeProps } from './Notice'
export { NumberField, type TNumberFieldProps } from './NumberField'
export { SelectField, type TSelectFieldProps, type TSelectOption } from './SelectField'
export type { TOption } from './fieldParts'
export { MultiSelectField, type TMultiSelectFieldProps } from './MultiSelectField'
export { StrengthMeter, type TStrengthMeterProps } from './StrengthMeter'
export { TextField, type TTextFieldProps } from './TextField'
export { Checkbox, type TCheckboxProps } from './Checkbox'
export { LiveRegion, type TLiveRegionProps } from './LiveRegion'
export { Loaded, type TLoad, type TLoadedProps } from './Loaded'
export { PasswordField, type TPasswordFieldProps } from './PasswordField'
export { TextAreaField, type TTextAreaFieldProps } from './TextAreaField'
export { MenuButton, type TMenuButtonItem, type TMenuButtonProps } from './MenuButton'
export { RadioGroupField, type TRadioGroupFieldProps, type TChoiceOption } from './RadioGroupField'
export { CheckboxGroupField, type TCheckboxGroupFieldProps } from './CheckboxGroupField'
export { ComboBoxField, type TComboBoxFieldProps } from './ComboBoxField'
export { announce } from './announce'
