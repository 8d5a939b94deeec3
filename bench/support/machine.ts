import { cpus, loadavg, platform, release, totalmem } from 'node:os'
import Database from 'better-sqlite3-multiple-ciphers'

/** The machine a run measured, for the JSON's `machine` object: figures mean little without it. */
export type TMachine = {
  cpu: string
  cores: number
  memory_bytes: number
  os: string
  node: string
  sqlite: string
  cipher: string
  /** 1, 5 and 15-minute load averages when the run started and ended (other work on a shared machine). */
  load_start: number[]
  load_end: number[] | null
}

function databaseVersions(): { sqlite: string; cipher: string } {
  const db = new Database(':memory:')
  try {
    const row = db.prepare('SELECT sqlite_version() AS sqlite, sqlite3mc_version() AS cipher').get() as {
      sqlite: string
      cipher: string
    }
    return row
  } finally {
    db.close()
  }
}

const load = (): number[] => loadavg().map((value) => Math.round(value * 100) / 100)

export function describeMachine(): TMachine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memory_bytes: totalmem(),
    os: `${platform()} ${release()}`,
    node: process.version,
    ...databaseVersions(),
    load_start: load(),
    load_end: null,
  }
}

/** The machine at the end of the run: the load it ran under, and memory left. */
export const finishMachine = (machine: TMachine): TMachine => ({ ...machine, load_end: load() })
