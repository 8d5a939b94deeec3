import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { describe, expect, it } from 'vitest'

/*
 * The lint rule (eslint/renderer-layers.js) makes features meet only through their index.ts; this checks the
 * other half of "arrows run one way": no two features depend on each other, directly or round a longer loop.
 */
const FEATURES = resolve(import.meta.dirname, '../../src/renderer/src/features')

const sourceFiles = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })

/** feature → the other features its code imports. */
function featureGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>()
  for (const file of sourceFiles(FEATURES)) {
    const feature = relative(FEATURES, file).split(sep)[0] ?? ''
    const uses = graph.get(feature) ?? new Set<string>()
    graph.set(feature, uses)
    for (const [, specifier = ''] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']*)'/g)) {
      const target = relative(FEATURES, resolve(dirname(file), specifier)).split(sep)[0] ?? ''
      if (target !== feature && !target.startsWith('..') && target !== '') uses.add(target)
    }
  }
  return graph
}

/** Every loop, as the features round it: ['admin', 'vault', 'admin']. */
function loops(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = []
  const walk = (path: string[]) => {
    for (const next of graph.get(path.at(-1) ?? '') ?? []) {
      if (next === path[0]) found.push([...path, next])
      else if (!path.includes(next) && next > (path[0] ?? '')) walk([...path, next])
    }
  }
  for (const feature of graph.keys()) walk([feature])
  return found
}

describe('the renderer’s features', () => {
  it('depend on each other one way only: no loop between features', () => {
    const graph = featureGraph()
    expect(graph.get('admin')?.has('vault')).toBe(true)
    expect(loops(graph)).toEqual([])
  })

  it('find a loop when there is one', () => {
    const graph = new Map([
      ['admin', new Set(['vault'])],
      ['vault', new Set(['intake'])],
      ['intake', new Set(['admin'])],
    ])
    expect(loops(graph)).toEqual([['admin', 'vault', 'intake', 'admin']])
  })
})
