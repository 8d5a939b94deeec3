import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TPacketRecipient } from '../../../../shared/contract/packets'
import { api, callApi } from '../../api'
import { ComboBoxField } from '../../ui'
import { lawyerRecipient, organizationRecipient } from './packetRecipients'

export type TPacketRecipientPickerProps = {
  kind: 'lawyer' | 'organization'
  onPick: (recipient: TPacketRecipient) => void
  isDisabled: boolean
}

type TEntry = { id: string; label: string; recipient: TPacketRecipient }

/**
 * Address a packet to a lawyer on the roster or an organization in the directory, as they are kept there, instead
 * of typing; the name and lines it fills stay editable. Paused lawyers and retired organizations are not offered.
 */
export function PacketRecipientPicker({ kind, onPick, isDisabled }: TPacketRecipientPickerProps) {
  const { t } = useTranslation()
  const [entries, setEntries] = useState<readonly TEntry[]>([])
  const [chosen, setChosen] = useState<string | null>(null)

  useEffect(() => {
    let isCurrent = true
    const load = async (): Promise<readonly TEntry[]> => {
      if (kind === 'lawyer') {
        const result = await callApi(() => api.lawyers.list({ status: 'active', limit: 500 }))
        if (!result.ok) return []
        return result.value.rows.map((row) => {
          const label = [row.displayName, row.firm].filter(Boolean).join(' — ')
          return { id: row.id, label, recipient: lawyerRecipient(row) }
        })
      }
      const result = await callApi(() => api.directory.organizations({}))
      if (!result.ok) return []
      return result.value.map((organization) => ({
        id: organization.id,
        label: organization.name,
        recipient: organizationRecipient(organization),
      }))
    }
    void load().then((loaded) => {
      if (isCurrent) setEntries(loaded)
    })
    return () => {
      isCurrent = false
    }
  }, [kind, t])

  return (
    <ComboBoxField
      label={t(`packets.recipient.pick.${kind}`)}
      description={t('packets.recipient.pick.help')}
      options={entries.map((entry) => ({ id: entry.id, label: entry.label }))}
      value={chosen}
      onChange={(id) => {
        setChosen(id === '' ? null : id)
        const entry = entries.find((each) => each.id === id)
        if (entry !== undefined) onPick(entry.recipient)
      }}
      emptyText={t('packets.recipient.pick.none')}
      showListLabel={t('packets.recipient.pick.showAll')}
      isDisabled={isDisabled}
    />
  )
}
