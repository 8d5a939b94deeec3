/** The kit's fields bound to react-hook-form by name, and the form around them. See docs/renderer.md. */
export { FieldErrorWordingContext, type TFieldErrorWording, type TIssueWords } from './fieldErrorWording'
export {
  Form,
  FormFieldset,
  SubmitButton,
  type TFormFieldsetProps,
  type TFormProps,
  type TSubmitButtonProps,
} from './Form'
export {
  FormCheckbox,
  FormCheckboxGroupField,
  FormComboBoxField,
  FormRadioGroupField,
  FormSelectField,
  type TFormCheckboxGroupFieldProps,
  type TFormCheckboxProps,
  type TFormComboBoxFieldProps,
  type TFormRadioGroupFieldProps,
  type TFormSelectFieldProps,
} from './FormChoiceFields'
export {
  FormPasswordField,
  FormTextAreaField,
  FormTextField,
  type TBound,
  type TFormPasswordFieldProps,
  type TFormTextAreaFieldProps,
  type TFormTextFieldProps,
} from './FormTextFields'
export {
  FormDateField,
  FormDateTimeField,
  FormNumberField,
  type TFormDateFieldProps,
  type TFormNumberFieldProps,
} from './FormValueFields'
