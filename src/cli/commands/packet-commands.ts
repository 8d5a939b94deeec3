import { existsSync } from 'node:fs'
import { dirname } from 'node:path'
import type { TPacketRequest } from '../../shared/contract/packets'
import {
  PACKET_FIELDS,
  PACKET_LANGUAGES,
  PAGE_SIZES,
  type TPacketField,
  type TPacketKind,
} from '../../shared/packets/vocabulary'
import { AppError } from '../../shared/result'
import { ChromiumPdfPrinter } from '../../main/core/packets/chromium-pdf'
import { savePacketPdf } from '../../main/core/packets/packet-pdf-file'
import type { TCommand, TOptionValues } from '../command'
import { UsageError } from '../usage-error'
import { optional, required, VAULT_OPTIONS, withUnlockedVault } from '../vault-access'

/*
 * `packet`: one referral packet or letter to PDF, through the same consent and conflict gates as the app
 * (docs/packets.md). Caseworkers and admins; audited as packet.printed like a print from the case page.
 */

const PLAINTEXT_WARNING =
  'warning: a PDF is plain text once it leaves the vault (not encrypted). Send it only to its recipient, ' +
  'keep it on an encrypted drive, and delete it when you are done.\n'

const USAGE =
  'packet --survivor CCIJ-YYYY-NNNN --to survivor|lawyer:EMAIL|org:NAME|mp --lang en|fr --out FILE.pdf ' +
  '--vault DIR --user NAME [--recipient NAME] [--address LINE]... [--include FIELD,...] [--page letter|a4] ' +
  '[--force] [--passphrase-file FILE]'

type TTarget = { kind: TPacketKind; recipient?: { name: string; lines: string[] } }

function oneOf<T extends string>(values: readonly T[], value: string, option: string): T {
  if (!(values as readonly string[]).includes(value)) {
    throw new UsageError(`--${option} must be one of ${values.join(', ')}; got "${value}".`)
  }
  return value as T
}

/** --to, with --recipient and --address for what the roster and directory do not say (an MP's office). */
function targetOf(values: TOptionValues): TTarget {
  const to = required(values, 'to')
  const addressOption = values['address']
  const lines = (Array.isArray(addressOption) ? addressOption : []).filter(
    (line): line is string => typeof line === 'string',
  )
  const named = optional(values, 'recipient')
  const [kind, ...rest] = to.split(':')
  const who = rest.join(':').trim()
  switch (kind) {
    case 'survivor':
      return { kind: 'survivor' }
    case 'mp':
      if (named === undefined) throw new UsageError('A letter to an MP needs --recipient "the MP’s name".')
      return { kind: 'mp', recipient: { name: named, lines } }
    case 'lawyer':
    case 'org':
      if (who === '')
        throw new UsageError(`--to ${kind}: needs ${kind === 'lawyer' ? 'an email' : 'a name'}.`)
      return {
        kind: kind === 'lawyer' ? 'lawyer' : 'organization',
        recipient: { name: named ?? who, lines: named === undefined ? lines : [who, ...lines] },
      }
    default:
      throw new UsageError(`--to must be survivor, lawyer:EMAIL, org:NAME or mp; got "${to}".`)
  }
}

function includedFields(values: TOptionValues): TPacketField[] {
  const include = optional(values, 'include')
  if (include === undefined || include.trim() === '') return []
  return include.split(',').map((field) => oneOf(PACKET_FIELDS, field.trim(), 'include'))
}

export const packetCommands: readonly TCommand[] = [
  {
    name: 'packet',
    summary:
      'Write a referral packet or letter as PDF (plain text once written): only what consent allows; ' +
      'sensitive sections only with --include; --force to overwrite.',
    usage: USAGE,
    options: {
      ...VAULT_OPTIONS,
      survivor: { type: 'string' },
      to: { type: 'string' },
      lang: { type: 'string' },
      out: { type: 'string' },
      recipient: { type: 'string' },
      address: { type: 'string', multiple: true },
      include: { type: 'string' },
      page: { type: 'string' },
      force: { type: 'boolean' },
    },
    async run({ values }, context) {
      const reference = required(values, 'survivor')
      const target = targetOf(values)
      const language = oneOf(PACKET_LANGUAGES, required(values, 'lang'), 'lang')
      const pageSize = oneOf(PAGE_SIZES, optional(values, 'page') ?? 'letter', 'page')
      const included = includedFields(values)
      const out = required(values, 'out')
      if (existsSync(out) && values['force'] !== true) {
        throw new UsageError(`${out} already exists. Add --force to replace it.`)
      }
      if (!existsSync(dirname(out))) throw new AppError('NOT_FOUND', `There is no folder ${dirname(out)}.`)
      const printer = new ChromiumPdfPrinter()
      try {
        const saved = await withUnlockedVault(values, context, async ({ packets }) => {
          const caseId = packets.caseIdOf(reference)
          const choices = packets.choices({ caseId, kind: target.kind })
          const request: TPacketRequest = {
            caseId,
            kind: target.kind,
            language,
            pageSize,
            fields: [...new Set([...choices.defaultFields, ...included])],
            ...(target.recipient === undefined ? {} : { recipient: target.recipient }),
          }
          return savePacketPdf(
            packets,
            request,
            (html, size) => printer.print(html, size),
            async () => out,
          )
        })
        const record = saved.record
        if (record === null) return 1
        context.stderr(PLAINTEXT_WARNING)
        context.stdout(
          `Wrote packet ${record.packetId} (${record.kind}, ${record.language}) to ${out}, readable only by you.\n` +
            `Included: ${record.fields.length === 0 ? 'no personal details' : record.fields.join(', ')}.\n`,
        )
        return 0
      } finally {
        await printer.close()
      }
    },
  },
]
