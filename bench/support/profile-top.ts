/**
 * `npx tsx bench/support/profile-top.ts FILE [N]`: the top N functions (30 by default) of a V8 CPU profile (a
 * `.cpuprofile`, as `node --cpu-prof` or `bench/measure-ranking.ts --profile` writes it), by self time and by total
 * time (the function and what it called, each function counted once per sample), as shares of the samples.
 */
import { readFileSync } from 'node:fs'

type TNode = {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
type TProfile = { nodes: TNode[]; samples: number[] }

const [file, top = '30'] = process.argv.slice(2)
if (file === undefined) {
  process.stderr.write('usage: npx tsx bench/support/profile-top.ts FILE [N]\n')
  process.exit(2)
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as TProfile
const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const parent = new Map<number, number>()
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
const label = (node: TNode): string => {
  const { functionName, url, lineNumber } = node.callFrame
  const where =
    url === '' ? '' : ` ${url.replace(/^.*\/(src|bench|node_modules)\//, '$1/')}:${lineNumber + 1}`
  return `${functionName === '' ? '(anonymous)' : functionName}${where}`
}
const self = new Map<string, number>()
const total = new Map<string, number>()
for (const sample of profile.samples) {
  const node = byId.get(sample)
  if (node === undefined) continue
  self.set(label(node), (self.get(label(node)) ?? 0) + 1)
  const counted = new Set<string>()
  for (let at: number | undefined = sample; at !== undefined; at = parent.get(at)) {
    const name = label(byId.get(at)!)
    if (counted.has(name)) continue
    counted.add(name)
    total.set(name, (total.get(name) ?? 0) + 1)
  }
}
const count = profile.samples.length
const table = (title: string, counts: Map<string, number>): string =>
  `${title} (${count} samples)\n${[...counts]
    .sort((left, right) => right[1] - left[1])
    .slice(0, Number(top))
    .map(([name, n]) => `${((100 * n) / count).toFixed(1).padStart(5)} %  ${name}`)
    .join('\n')}\n`
process.stdout.write(`${table('self', self)}\n${table('total', total)}`)
