import { Controller, useFormContext, type FieldValues, type Path } from 'react-hook-form'
import { SelectField } from '../../ui'
import { useFieldErrorText } from './fieldErrors'

type TAccountChooserProps<TForm extends FieldValues> = {
  name: Path<TForm>
  label: string
  placeholder: string
  accounts: readonly { username: string; displayName: string }[]
}

/** Pick a staff account by name. Nothing is remembered between unlocks. */
export function AccountChooser<TForm extends FieldValues>({
  name,
  label,
  placeholder,
  accounts,
}: TAccountChooserProps<TForm>) {
  const { control } = useFormContext<TForm>()
  const errorText = useFieldErrorText()
  const options = accounts.map((account) => ({
    id: account.username,
    label: account.displayName,
    ...(account.displayName === account.username ? {} : { description: account.username }),
  }))
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <SelectField
          label={label}
          placeholder={placeholder}
          options={options}
          name={field.name}
          value={(field.value as string | undefined) || null}
          onChange={(value) => field.onChange(value ?? '')}
          errorMessage={errorText(fieldState.error, { too_small: 'vault.validation.accountRequired' })}
        />
      )}
    />
  )
}
