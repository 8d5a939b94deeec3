/**
 * A rekey after a departure: an admin disables a colleague, and the vault gets new keys — both databases exported
 * into new files under new keys, every remaining slot granted them, one keyring rename (vault/rekey.ts). What the
 * admin waits for, at the bench's caseload. Last in the run: it moves the vault to a new generation.
 */
import type { TBenchModule } from './module'
import { ms, Series } from './support/measure'

const LEAVER = {
  username: 'bench.leaver',
  displayName: 'Bench Leaver',
  role: 'caseworker' as const,
  passphrase: 'juniper saddle quartz lantern 57',
}

export const rekeyBench: TBenchModule = {
  name: 'rekey',
  figures: ['rekey_ms'],
  async run(bench) {
    const { accounts, vault } = bench.caseload.vault.services
    const leaver = await accounts.add(LEAVER)
    const generationBefore = vault.keeper.requireKeyring().generation
    let bytesTotal = 0
    const rekey = new Series()
    await rekey.timeAsync(() =>
      accounts.disable(leaver.id, {
        onProgress: (progress) => {
          bytesTotal = progress.bytesTotal
        },
      }),
    )
    const generation = vault.keeper.requireKeyring().generation
    if (generation !== generationBefore + 1) {
      throw new Error(`disabling an account left the vault at generation ${generation}, not a new one`)
    }
    const elapsed = rekey.wall[0] ?? Number.NaN
    const mib = bytesTotal / 2 ** 20
    bench.note(
      'rekey_ms',
      `disabling a caseworker of the ${bench.caseload.count.toLocaleString('en-CA')}-case vault: ${mib.toFixed(1)} MiB of databases re-encrypted into generation ${generation} (${(mib / (elapsed / 1000)).toFixed(1)} MiB/s; ${rekey.cpuSummary()})`,
    )
    return { rekey_ms: ms(elapsed) }
  },
}
