import { z } from 'zod'
import {
  ZOrganizationFieldsSchema,
  type TOrganizationFields,
} from '../../../../shared/roster/directory-schema'
import { parseLanguageCodes } from '../../lib/languageCodes'

/*
 * The organization form holds its languages as text a person can type ("en, fr, ar"); everything else is the
 * shared organization fields, so the form and main check the same rules.
 */

export const ZOrganizationFormSchema = z
  .object({ ...ZOrganizationFieldsSchema.shape, languages: z.string().max(400) })
  .superRefine((form, ctx) => {
    if (!form.national && form.provinces.length === 0)
      ctx.addIssue({ code: 'custom', path: ['provinces'], message: 'directory.validation.provincesRequired' })
    if (parseLanguageCodes(form.languages) === null)
      ctx.addIssue({ code: 'custom', path: ['languages'], message: 'directory.validation.languages' })
  })
export type TOrganizationForm = z.input<typeof ZOrganizationFormSchema>

export const toOrganizationForm = (fields: TOrganizationFields): TOrganizationForm => ({
  ...fields,
  languages: fields.languages.join(', '),
})

export const fromOrganizationForm = (form: TOrganizationForm): TOrganizationFields => ({
  ...form,
  name: form.name.trim(),
  provinces: form.national ? [] : form.provinces,
  languages: parseLanguageCodes(form.languages) ?? [],
  confidence: form.confidence ?? '',
})
