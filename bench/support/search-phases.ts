/**
 * Where a search's CPU goes, phase by phase, for `bench/measure-search.ts`: wraps the case list's query methods,
 * the staff names' read and the audit entry, and charges each call its own CPU time (a call's time minus the wrapped
 * calls inside it). What no wrapped call holds is the service's JavaScript ("js": query building, the reasons'
 * comparisons, scoring the similar-name candidates, the rows). Bench-only: nothing here runs in the app.
 */
import { performance } from 'node:perf_hooks'
import { StaffDirectory } from '../../src/main/core/accounts/accounts-repository'
import { CaseListQueries } from '../../src/main/core/cases/case-list-queries'
import type { TSession } from '../../src/main/core/session/session'

const cpuNow = (): number => {
  const used = process.cpuUsage()
  return (used.user + used.system) / 1000
}

/** CPU milliseconds per phase of the search being timed. */
export class SearchPhases {
  private current = new Map<string, number>()
  /** Wall milliseconds per phase of the search being timed (a call's whole time, inner calls included). */
  wall = new Map<string, number>()
  /** The running wrapped calls' own time so far is charged on exit; the stack holds the time inner calls took. */
  private readonly inner: number[] = []

  /** Starts a new search's tally. */
  begin(): void {
    this.current = new Map()
    this.wall = new Map()
  }

  /** The tally of the search just timed, with "js" for what no phase holds out of `totalMs`. */
  end(totalMs: number): Map<string, number> {
    const phases = this.current
    const counted = [...phases.values()].reduce((total, value) => total + value, 0)
    phases.set('js', Math.max(0, totalMs - counted))
    return phases
  }

  private charge<T>(name: string, work: () => T): T {
    const started = cpuNow()
    const startedWall = performance.now()
    this.inner.push(0)
    try {
      return work()
    } finally {
      this.wall.set(name, (this.wall.get(name) ?? 0) + performance.now() - startedWall)
      const took = cpuNow() - started
      const nested = this.inner.pop() ?? 0
      this.current.set(name, (this.current.get(name) ?? 0) + took - nested)
      if (this.inner.length > 0) this.inner[this.inner.length - 1] = (this.inner.at(-1) ?? 0) + took
    }
  }

  /** Wraps `object[method]` (a prototype's or an instance's) so its calls are charged to `name`. */
  wrap(object: object, method: string, name: string): void {
    const target = object as Record<string, unknown>
    const original = target[method]
    if (typeof original !== 'function') throw new Error(`no method ${method} to time`)
    const charge = this.charge.bind(this)
    target[method] = function (this: unknown, ...args: unknown[]): unknown {
      return charge(name, () => (original as (...a: unknown[]) => unknown).apply(this, args))
    }
  }

  /** Every phase the bench prints. */
  static install(session: TSession): SearchPhases {
    const phases = new SearchPhases()
    const queries = CaseListQueries.prototype
    phases.wrap(queries, 'cappedCount', 'count')
    phases.wrap(queries, 'search', 'page')
    phases.wrap(queries, 'searchByReference', 'page')
    phases.wrap(queries, 'listRows', 'rows')
    phases.wrap(queries, 'similarNameCandidates', 'similar query')
    phases.wrap(queries, 'codeSharers', 'code sharers')
    phases.wrap(queries, 'namedPeopleOf', 'profiles')
    phases.wrap(queries, 'withNotesMatching', 'notes check')
    phases.wrap(StaffDirectory.prototype, 'displayNames', 'staff names')
    phases.wrap(session.audit, 'record', 'audit')
    return phases
  }
}
