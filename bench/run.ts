// npm run bench: every budget of DESIGN.md measured in one run, side by side where it is a ratio.
import { cpus } from 'node:os'
import { resolve } from 'node:path'
import { measureRendererBundle } from './metrics/renderer-bundle'
import { type Metric, writeResults } from './report'

const root = resolve(import.meta.dirname, '..')
const only = process.argv.slice(2)

type Suite = [name: string, run: () => Promise<Metric[]>]
const suites: Suite[] = [['renderer-bundle', () => measureRendererBundle(resolve(root, 'out/renderer'))]]

const metrics: Metric[] = []
for (const [name, run] of suites) {
  if (only.length > 0 && !only.includes(name)) continue
  const started = performance.now()
  const results = await run()
  metrics.push(...results)
  for (const m of results) console.log(`${m.ok ? 'ok  ' : 'MISS'} ${m.name} = ${m.value} ${m.unit} (budget ${m.budget})${m.notes ? ` — ${m.notes}` : ''}`)
  console.log(`     ${name} took ${Math.round(performance.now() - started)} ms`)
}
await writeResults(resolve(root, 'bench/results'), metrics, {
  date: new Date().toISOString(),
  node: process.version,
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
})
console.log(`wrote bench/results/latest.json and latest.md (${metrics.filter((m) => !m.ok).length} budget(s) missed)`)
