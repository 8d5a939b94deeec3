import type { TPacketChoices, TPacketRequest } from '../../../../shared/contract/packets'
import type { TIpcError } from '../../../../shared/result'
import type {
  TPacketField,
  TPacketKind,
  TPacketLanguage,
  TPageSize,
} from '../../../../shared/packets/vocabulary'

/** What the packet dialog holds while staff choose. */
export type TPacketDraft = {
  kind: TPacketKind
  language: TPacketLanguage
  pageSize: TPageSize
  recipientName: string
  recipientLines: string
  fields: readonly TPacketField[]
  /** A lawyer or organization packet made from one of the case's referrals: addressed as the referral names them. */
  referralId: string | null
}

export const needsRecipient = (kind: TPacketKind): boolean => kind !== 'survivor'

/** Whether staff type (or pick) the recipient: not for the survivor's own packet, nor one made from a referral. */
export const typesRecipient = (draft: Pick<TPacketDraft, 'kind' | 'referralId'>): boolean =>
  needsRecipient(draft.kind) && draft.referralId === null

/** The request main checks again: only fields the choices allowed are sent, and recipient lines one per line. */
export function packetRequest(caseId: string, draft: TPacketDraft, choices: TPacketChoices): TPacketRequest {
  const allowed = new Set(choices.decisions.filter((each) => each.allowed).map((each) => each.field))
  const lines = draft.recipientLines
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, 6)
  return {
    caseId,
    kind: draft.kind,
    language: draft.language,
    pageSize: draft.pageSize,
    fields: draft.fields.filter((field) => allowed.has(field)),
    ...(draft.referralId === null ? {} : { referralId: draft.referralId }),
    ...(typesRecipient(draft) ? { recipient: { name: draft.recipientName.trim(), lines } } : {}),
  }
}

export type TPacketErrorKey = 'refused' | 'changed' | 'unavailable' | 'failed'

export function packetErrorKey(error: TIpcError | null): TPacketErrorKey {
  switch (error?.code) {
    case 'FORBIDDEN':
      return 'refused'
    case 'CONFLICT':
      return 'changed'
    case 'CANCELLED':
      return 'unavailable'
    default:
      return 'failed'
  }
}
