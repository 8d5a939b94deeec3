/**
 * The vault: how long staff wait to unlock (the production key derivation, then opening the database and writing
 * the unlock's audit entry) and, the key known, how long opening the database takes to its first query.
 */
import { StaffDirectory } from '../src/main/core/accounts/accounts-repository'
import { Connection } from '../src/main/core/db/connection'
import type { TBenchModule } from './module'
import { BENCH_ADMIN } from './support/caseload'
import { median, ms, Series } from './support/measure'

export const vaultBench: TBenchModule = {
  name: 'vault',
  figures: ['unlock_ms', 'open_ms'],
  async run(bench) {
    const { vault } = bench.caseload.vault.services
    const unlocks = new Series()
    for (let run = 0; run < bench.scale.runs.unlock; run++) {
      vault.lock()
      await unlocks.timeAsync(() => vault.unlock(BENCH_ADMIN.username, BENCH_ADMIN.passphrase))
    }
    const { keeper } = vault
    const kdf = keeper.requireKeyring().slots.find((slot) => slot.kind === 'staff')?.sealedKey.kdf
    bench.note(
      'unlock_ms',
      `median of ${unlocks.wall.length} unlocks of the ${bench.caseload.count.toLocaleString('en-CA')}-case vault (${unlocks.cpuSummary()}); key derivation ${JSON.stringify(kdf)}`,
    )

    // Opened the way the keeper opens it on every unlock (look read-only, then pragmas and migrations), with the
    // open session's key, to the first query an unlock makes (the staff member's account).
    const session = keeper.require()
    const file = keeper.filesOf(keeper.requireKeyring()).vault
    const key = Buffer.from(session.keys.vault)
    const opens = new Series()
    try {
      for (let run = 0; run < bench.scale.runs.open; run++) {
        opens.time(() => {
          const database = keeper.openDatabase(file, key)
          try {
            new StaffDirectory(new Connection(database)).findByUsername(BENCH_ADMIN.username)
          } finally {
            database.close()
          }
        })
      }
    } finally {
      key.fill(0)
    }
    bench.note('open_ms', `median of ${opens.wall.length} (${opens.cpuSummary()})`)
    return { unlock_ms: ms(median(unlocks.wall)), open_ms: ms(median(opens.wall)) }
  },
}
