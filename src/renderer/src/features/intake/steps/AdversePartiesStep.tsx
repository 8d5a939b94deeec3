import { useFieldArray, useFormContext } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { TIntakeInput } from '../../../../../shared/cases/intake-schema'
import { IntakeCombo, IntakeSelect, IntakeText, IntakeTextArea } from '../fields'
import type { TIntakeOptions } from '../options'
import { RepeatedEntries } from './RepeatedEntries'

export function AdversePartiesStep({ options }: { options: TIntakeOptions }) {
  const { t } = useTranslation()
  const { getValues } = useFormContext<TIntakeInput>()
  const { fields, append, remove, insert } = useFieldArray<TIntakeInput, 'adverseParties'>({
    name: 'adverseParties',
  })
  return (
    <RepeatedEntries
      count={fields.length}
      keyOf={(index) => fields[index]?.id ?? String(index)}
      legend={(index) => t('intake.fields.partyLegend', { number: index + 1 })}
      removeLabel={(index) => t('intake.fields.removeParty', { number: index + 1 })}
      addLabel={t('intake.fields.addParty')}
      emptyText={t('intake.fields.noParties')}
      onAdd={() =>
        append(
          { kind: '' as 'person', name: '', originalScriptName: '', country: '', notes: '' },
          { shouldFocus: false },
        )
      }
      removedText={(index) => t('intake.fields.partyRemoved', { number: index + 1 })}
      entryAt={(index) => getValues(`adverseParties.${index}`)}
      onRemove={remove}
      onRestore={(index, value) => insert(index, value, { shouldFocus: false })}
      renderEntry={(index) => (
        <>
          <IntakeSelect
            name={`adverseParties.${index}.kind`}
            label={t('intake.fields.partyKind')}
            options={options.partyKinds}
          />
          <IntakeText name={`adverseParties.${index}.name`} label={t('intake.fields.partyName')} dir="auto" />
          <IntakeText
            name={`adverseParties.${index}.originalScriptName`}
            label={t('intake.fields.partyOriginalScriptName')}
            dir="auto"
          />
          <IntakeCombo
            name={`adverseParties.${index}.country`}
            label={t('intake.fields.country')}
            options={options.countries}
          />
          <IntakeTextArea
            name={`adverseParties.${index}.notes`}
            label={t('intake.fields.partyNotes')}
            rows={2}
          />
        </>
      )}
    />
  )
}
