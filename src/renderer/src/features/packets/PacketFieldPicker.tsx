import { useTranslation } from 'react-i18next'
import type { TPacketChoices } from '../../../../shared/contract/packets'
import type { TPacketField } from '../../../../shared/packets/vocabulary'
import { Checkbox } from '../../ui'

export type TPacketFieldPickerProps = {
  choices: TPacketChoices
  selected: readonly TPacketField[]
  onChange: (fields: TPacketField[]) => void
  isDisabled: boolean
}

/**
 * Every detail a packet could carry, with what consent decided: fields it does not allow are disabled with the
 * reason beside them. A convenience only — main checks every field again when the packet is made.
 */
export function PacketFieldPicker({ choices, selected, onChange, isDisabled }: TPacketFieldPickerProps) {
  const { t } = useTranslation()
  const toggle = (field: TPacketField, isSelected: boolean) =>
    onChange(isSelected ? [...selected, field] : selected.filter((each) => each !== field))
  return (
    <fieldset className="packet-fields">
      <legend className="packet-fields__legend">{t('packets.fields.legend')}</legend>
      <p className="packet-fields__help">{t('packets.fields.help')}</p>
      <ul className="packet-fields__list">
        {choices.decisions.map((decision) => (
          <li key={decision.field} className="packet-fields__item">
            <Checkbox
              id={`packet-field-${decision.field}`}
              isSelected={decision.allowed && selected.includes(decision.field)}
              isDisabled={isDisabled || !decision.allowed}
              onChange={(isSelected) => toggle(decision.field, isSelected)}
            >
              {t(`packets.fields.${decision.field}`)}
              {decision.sensitive ? ` (${t('packets.fields.sensitive')})` : ''}
            </Checkbox>
            {decision.refusal === null ? null : (
              <span className="packet-fields__reason">{t(`packets.refusal.${decision.refusal}`)}</span>
            )}
          </li>
        ))}
      </ul>
    </fieldset>
  )
}
