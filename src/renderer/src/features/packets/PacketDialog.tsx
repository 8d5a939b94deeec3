import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TPacketChoices, TPacketPreview, TPacketSaved } from '../../../../shared/contract/packets'
import type { TIpcResult } from '../../../../shared/result'
import {
  PACKET_KINDS,
  PACKET_LANGUAGES,
  PAGE_SIZES,
  type TPacketKind,
} from '../../../../shared/packets/vocabulary'
import { api, callApi } from '../../api'
import {
  BusyIndicator,
  Button,
  DialogActions,
  LiveRegion,
  ModalDialog,
  Notice,
  RadioGroupField,
  SelectField,
  TextAreaField,
  TextField,
} from '../../ui'
import { PacketFieldPicker } from './PacketFieldPicker'
import { PacketPreview } from './PacketPreview'
import { PacketRecipientPicker } from './PacketRecipientPicker'
import {
  needsRecipient,
  packetErrorKey,
  typesRecipient,
  packetRequest,
  type TPacketDraft,
  type TPacketErrorKey,
} from './packetRequest'
import './Packets.css'

export type TPacketDialogProps = {
  caseId: string
  reference: string
  isOpen: boolean
  onClose: () => void
  /** After a packet was saved or printed (the timeline has a new entry). */
  onRecorded: () => void | Promise<void>
}

type TBusy = 'preview' | 'save' | 'print' | null

/** The referral select's "type the recipient instead" option. */
const NO_REFERRAL = 'none'

/** Choose a packet's kind, recipient, language and details, then Save as PDF or Print. */
export function PacketDialog({ caseId, reference, isOpen, onClose, onRecorded }: TPacketDialogProps) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<TPacketDraft>({
    kind: 'survivor',
    language: 'en',
    pageSize: 'letter',
    recipientName: '',
    recipientLines: '',
    fields: [],
    referralId: null,
  })
  const [choices, setChoices] = useState<TPacketChoices | null>(null)
  const [busy, setBusy] = useState<TBusy>(null)
  const [error, setError] = useState<TPacketErrorKey | 'recipient' | null>(null)
  const [done, setDone] = useState<string>('')
  const [preview, setPreview] = useState<TPacketPreview | null>(null)

  useEffect(() => {
    if (!isOpen) return
    let isCurrent = true
    const referralId = draft.referralId ?? undefined
    void callApi(() => api.packets.choices({ caseId, kind: draft.kind, referralId })).then((result) => {
      if (!isCurrent) return
      if (!result.ok) {
        setError(packetErrorKey(result.error))
        return
      }
      setChoices(result.value)
      setDraft((current) => ({
        ...current,
        fields: result.value.defaultFields,
        language: result.value.defaultLanguage,
      }))
    })
    return () => {
      isCurrent = false
    }
  }, [caseId, draft.kind, draft.referralId, isOpen])

  const change = (patch: Partial<TPacketDraft>) => {
    // Another kind or referral has other rules: its choices load afresh, and nothing is picked until they have.
    const kindChanged = patch.kind !== undefined && patch.kind !== draft.kind
    if (kindChanged || (patch.referralId !== undefined && patch.referralId !== draft.referralId))
      setChoices(null)
    setDraft((current) => ({ ...current, ...patch, ...(kindChanged ? { referralId: null } : {}) }))
    setError(null)
    setDone('')
    // A preview of other choices would show what will not print.
    setPreview(null)
  }

  /** The request, or null (with the reason shown) when the recipient is missing. */
  const readyRequest = () => {
    if (choices === null) return null
    if (typesRecipient(draft) && draft.recipientName.trim() === '') {
      setError('recipient')
      return null
    }
    return packetRequest(caseId, draft, choices)
  }

  const showPreview = async () => {
    const request = readyRequest()
    if (request === null) return
    setBusy('preview')
    setError(null)
    setDone('')
    const result = await callApi(() => api.packets.preview(request))
    setBusy(null)
    if (!result.ok) {
      setError(packetErrorKey(result.error))
      return
    }
    setPreview(result.value)
  }

  const run = async (what: 'save' | 'print') => {
    const request = readyRequest()
    if (request === null) return
    setBusy(what)
    setError(null)
    setDone('')
    const call = (): Promise<TIpcResult<TPacketSaved>> =>
      what === 'save' ? api.packets.savePdf(request) : api.packets.print(request)
    const result = await callApi(call)
    setBusy(null)
    if (!result.ok) {
      setError(packetErrorKey(result.error))
      return
    }
    if (result.value.record === null) return
    setDone(
      t(what === 'save' ? 'packets.saved' : 'packets.printed', { packetId: result.value.record.packetId }),
    )
    await onRecorded()
  }

  const isBusy = busy !== null
  return (
    <ModalDialog
      isOpen={isOpen}
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={t('packets.title', { reference })}
      isDismissable={!isBusy}
      isOutsideClickDismissable={false}
      size="large"
    >
      <p>{t('packets.intro')}</p>
      <div className="packet-dialog__choices">
        <SelectField
          label={t('packets.kind.label')}
          options={PACKET_KINDS.map((kind) => ({ id: kind, label: t(`packets.kind.${kind}`) }))}
          value={draft.kind}
          onChange={(kind) => kind !== null && change({ kind: kind as TPacketKind })}
          isDisabled={isBusy}
          autoFocus
        />
        <RadioGroupField
          label={t('packets.language.label')}
          options={PACKET_LANGUAGES.map((language) => ({
            id: language,
            label: t(`packets.language.${language}`),
          }))}
          value={draft.language}
          onChange={(language) => change({ language: language as TPacketDraft['language'] })}
          orientation="horizontal"
          isDisabled={isBusy}
        />
        <RadioGroupField
          label={t('packets.pageSize.label')}
          options={PAGE_SIZES.map((size) => ({ id: size, label: t(`packets.pageSize.${size}`) }))}
          value={draft.pageSize}
          onChange={(pageSize) => change({ pageSize: pageSize as TPacketDraft['pageSize'] })}
          orientation="horizontal"
          isDisabled={isBusy}
        />
      </div>
      {needsRecipient(draft.kind) && (choices?.referrals.length ?? 0) > 0 ? (
        <SelectField
          label={t('packets.referral.label')}
          description={t('packets.referral.help')}
          options={[
            { id: NO_REFERRAL, label: t('packets.referral.none') },
            ...(choices?.referrals ?? []).map((referral) => ({
              id: referral.referralId,
              label: t(referral.conflictCleared ? 'packets.referral.cleared' : 'packets.referral.pending', {
                name: referral.recipientName,
              }),
            })),
          ]}
          value={draft.referralId ?? NO_REFERRAL}
          onChange={(id) => change({ referralId: id === null || id === NO_REFERRAL ? null : String(id) })}
          isDisabled={isBusy}
        />
      ) : null}
      {typesRecipient(draft) ? (
        <div className="packet-dialog__recipient">
          {draft.kind === 'lawyer' || draft.kind === 'organization' ? (
            <PacketRecipientPicker
              key={draft.kind}
              kind={draft.kind}
              isDisabled={isBusy}
              onPick={(recipient) =>
                change({ recipientName: recipient.name, recipientLines: recipient.lines.join('\n') })
              }
            />
          ) : null}
          <TextField
            label={t('packets.recipient.name')}
            value={draft.recipientName}
            onChange={(recipientName) => change({ recipientName })}
            isRequired
            maxLength={200}
            isDisabled={isBusy}
            errorMessage={error === 'recipient' ? t('packets.recipient.required') : undefined}
          />
          <TextAreaField
            label={t('packets.recipient.address')}
            description={t('packets.recipient.addressHelp')}
            value={draft.recipientLines}
            onChange={(recipientLines) => change({ recipientLines })}
            isDisabled={isBusy}
          />
        </div>
      ) : null}
      {choices === null ? (
        <BusyIndicator label={t('packets.fields.loading')} />
      ) : (
        <PacketFieldPicker
          choices={choices}
          selected={draft.fields}
          onChange={(fields) => change({ fields })}
          isDisabled={isBusy}
        />
      )}
      {preview === null ? null : <PacketPreview preview={preview} />}
      <LiveRegion politeness="polite">
        {done === '' ? null : <Notice tone="success">{done}</Notice>}
      </LiveRegion>
      {error === null || error === 'recipient' ? null : (
        <Notice tone="danger" live="alert">
          {t(`packets.errors.${error}`)}
        </Notice>
      )}
      <DialogActions>
        <Button onPress={onClose} isDisabled={isBusy}>
          {t('packets.cancel')}
        </Button>
        <Button onPress={() => void showPreview()} isDisabled={isBusy || choices === null}>
          {busy === 'preview' ? t('packets.previewing') : t('packets.previewAction')}
        </Button>
        <Button onPress={() => void run('print')} isDisabled={isBusy || choices === null}>
          {busy === 'print' ? t('packets.printing') : t('packets.print')}
        </Button>
        <Button variant="primary" onPress={() => void run('save')} isDisabled={isBusy || choices === null}>
          {busy === 'save' ? t('packets.saving') : t('packets.savePdf')}
        </Button>
      </DialogActions>
    </ModalDialog>
  )
}
