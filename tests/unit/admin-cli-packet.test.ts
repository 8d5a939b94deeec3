import { execFileSync } from 'node:child_process'
import { existsSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emptyIntake } from '../../src/shared/cases/intake-schema'
import { CASEWORKER_PASSPHRASE, removeFolder } from '#test-support/vault-fixtures'
import { asUser, makeCliVault, readVault, runAdmin } from '#test-support/admin-cli'

/* Synthetic, obviously invented people only. */

const NARRATIVE_CANARY = 'CANARYCLIPACKET4K8'

describe('admin CLI: packet', { timeout: 180_000 }, () => {
  let root: string
  let vault: string
  let reference: string

  beforeAll(async () => {
    ;({ root, vault } = await makeCliVault('ccij-cli-packet-', (created) => {
      const intake = emptyIntake('2026-11-20')
      intake.person.givenNames = 'Invented'
      intake.person.familyName = 'Packetperson'
      intake.location.province = 'ON'
      intake.needs.needs = ['detention_review']
      intake.experiences.narrative = NARRATIVE_CANARY
      intake.consent = [
        {
          purpose: 'share_with_lawyer',
          granted: true,
          method: 'verbal',
          givenOn: '2026-11-20',
          expiresOn: '',
          notes: '',
        },
      ]
      reference = created.intake.submit({
        intake,
        decision: { kind: 'new' },
        reviewedCandidates: [],
      }).reference
    }))
  })
  afterAll(() => removeFolder(root))

  const as = (user: string) => asUser(vault, user)

  it('writes a French lawyer packet as a 0600 PDF, says it is plain text, and records it', async () => {
    const out = join(root, 'lawyer.pdf')
    const run = await runAdmin(
      [
        'packet',
        '--survivor',
        reference,
        '--to',
        'lawyer:counsel@example.org',
        '--lang',
        'fr',
        '--out',
        out,
        ...as('casey.example'),
      ],
      { CCIJ_PASSPHRASE: CASEWORKER_PASSPHRASE },
    )
    expect(run.stderr).toContain('plain text')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/Wrote packet PKT-[A-Z0-9]{4}-[A-Z0-9]{4} \(lawyer, fr\)/)
    expect(statSync(out).mode & 0o777).toBe(0o600)
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-']).toString('utf8')
    expect(text).toContain('counsel@example.org')
    expect(text).toContain('Aiguillage vers un·e avocat·e')
    expect(text).toContain('Contrôle des motifs de détention')
    expect(text).not.toContain('Packetperson')
    expect(text).not.toContain(NARRATIVE_CANARY)

    const printed = await readVault(vault, ({ audit }) =>
      audit.list().entries.filter((entry) => entry.action === 'packet.printed'),
    )
    expect(printed).toHaveLength(1)
    expect(printed[0]?.actorUsername).toBe('casey.example')
  })

  it('refuses a sensitive section consent does not allow, writing nothing, and will not overwrite without --force', async () => {
    const out = join(root, 'refused.pdf')
    const run = await runAdmin([
      'packet',
      '--survivor',
      reference,
      '--to',
      'lawyer:counsel@example.org',
      '--lang',
      'en',
      '--out',
      out,
      '--include',
      'narrative',
      ...as('alex.example'),
    ])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('narrative')
    expect(run.stderr).toContain('conflict_not_cleared')
    expect(existsSync(out)).toBe(false)

    writeFileSync(join(root, 'taken.pdf'), 'already here')
    const again = await runAdmin([
      'packet',
      '--survivor',
      reference,
      '--to',
      'survivor',
      '--lang',
      'en',
      '--out',
      join(root, 'taken.pdf'),
      ...as('alex.example'),
    ])
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('--force')
  })
})
