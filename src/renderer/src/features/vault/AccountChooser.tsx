import { FormSelectField } from '../../ui'

type TAccountChooserProps = {
  name: string
  label: string
  placeholder: string
  accounts: readonly { username: string; displayName: string }[]
  autoFocus?: boolean
}

/** Pick a staff account of the surrounding form by name. Nothing is remembered between unlocks. */
export function AccountChooser({
  name,
  label,
  placeholder,
  accounts,
  autoFocus = false,
}: TAccountChooserProps) {
  const options = accounts.map((account) => ({
    id: account.username,
    label: account.displayName,
    ...(account.displayName === account.username ? {} : { description: account.username }),
  }))
  return (
    <FormSelectField
      name={name}
      label={label}
      placeholder={placeholder}
      options={options}
      autoFocus={autoFocus}
      issues={{ too_small: 'vault.validation.accountRequired' }}
    />
  )
}
