import { exclusionReasonText, scoreReasonText } from '../../shared/matching/reason-text'
import type { TCaseRanking } from '../../main/core/matching/matching-service'
import type { TCommand } from '../command'
import { required, VAULT_OPTIONS, withUnlockedVault } from '../vault-access'

/*
 * `match --survivor CCIJ-YYYY-NNNN`: every lawyer ranked for one case, best first, with the reasons in words, and
 * every excluded lawyer with why (docs/matching.md). Caseworkers and admins; viewers are refused by the service.
 */

const USAGE = 'match --survivor CCIJ-YYYY-NNNN --vault DIR --user NAME [--json] [--passphrase-file FILE]'

/** The JSON shape, exactly: survivor, ranked (best first), excluded. */
export const matchJson = (result: TCaseRanking) => ({
  survivor: result.reference,
  ranked: result.ranking.ranked.map((entry) => ({
    lawyer: entry.lawyer.name,
    email: entry.lawyer.email,
    score: entry.score,
    reasons: entry.reasons.map(scoreReasonText),
  })),
  excluded: result.ranking.excluded.map((entry) => ({
    lawyer: entry.lawyer.name,
    email: entry.lawyer.email,
    reasons: entry.reasons.map(exclusionReasonText),
  })),
})

const asText = (result: ReturnType<typeof matchJson>): string => {
  const lines = [
    `${result.survivor}: ${result.ranked.length} lawyer(s) ranked, ${result.excluded.length} excluded`,
  ]
  result.ranked.forEach((entry, index) => {
    lines.push(`${index + 1}. ${entry.lawyer} <${entry.email}>  score ${entry.score}`)
    for (const reason of entry.reasons) lines.push(`     ${reason}`)
  })
  if (result.excluded.length > 0) lines.push('', 'Excluded:')
  for (const entry of result.excluded) {
    lines.push(`-  ${entry.lawyer} <${entry.email}>`)
    for (const reason of entry.reasons) lines.push(`     ${reason}`)
  }
  return `${lines.join('\n')}\n`
}

export const matchCommands: readonly TCommand[] = [
  {
    name: 'match',
    summary: 'Rank the roster for one case, best first, with reasons; and every excluded lawyer with why.',
    usage: USAGE,
    options: { ...VAULT_OPTIONS, survivor: { type: 'string' }, json: { type: 'boolean' } },
    async run({ values }, context) {
      const reference = required(values, 'survivor')
      const result = await withUnlockedVault(values, context, ({ matching }) =>
        matching.rankForReference(reference),
      )
      const json = matchJson(result)
      context.stdout(values['json'] === true ? `${JSON.stringify(json)}\n` : asText(json))
      return 0
    },
  },
]
