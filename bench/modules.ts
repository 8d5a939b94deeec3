/**
 * The bench's modules, run in this order over one caseload. A feature adds its figures by adding its module here
 * (see `module.ts`); figures no module reports are null, with the feature that brings them named on stderr.
 */
import { caseListBench } from './case-list.bench'
import { floorBench } from './floor.bench'
import type { TBenchModule } from './module'
import { packetsBench } from './packets.bench'
import { rendererBench } from './renderer.bench'
import { vaultBench } from './vault.bench'

export const BENCH_MODULES: readonly TBenchModule[] = [
  vaultBench,
  caseListBench,
  floorBench,
  rendererBench,
  packetsBench,
]
