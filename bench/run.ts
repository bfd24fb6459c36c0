// npm run bench: every budget of DESIGN.md measured in one run, side by side where it is a ratio.
// `tsx bench/run.ts <suite> …` runs only the named suites. A suite that cannot run here is
// reported as skipped with its reason; one that fails is reported and makes the exit code 1.
import { cpus } from 'node:os'
import { resolve } from 'node:path'
import { measureApiCatalog } from './metrics/api-catalog'
import { measureBrowseFirstCrawl } from './metrics/browse-first-crawl'
import { measureClientOverhead } from './metrics/client-overhead'
import { measureCrawl100k } from './metrics/crawl-100k'
import { measureDataset10m } from './metrics/dataset-10m'
import { measureDatasetHeap } from './metrics/dataset-heap'
import { measureFanoutRate } from './metrics/fanout-rate'
import { measureGridScroll } from './metrics/grid-scroll'
import { measureMachinePauses } from './metrics/machine-pauses'
import { measureRendererBundle } from './metrics/renderer-bundle'
import { measureTokenSingleFlight } from './metrics/token-single-flight'
import { SuiteSkipped } from './metrics/support/skip'
import { type Metric, previousMetrics, writeResults } from './report'

const root = resolve(import.meta.dirname, '..')
/** A suite still running after this is reported as failed, and the run ends when the rest are done. */
const SUITE_TIMEOUT_MS = 240_000
const only = process.argv.slice(2)

/** A suite with its own time limit (ms) when it needs more than SUITE_TIMEOUT_MS. */
type Suite = [name: string, run: () => Promise<Metric[]>, timeoutMs?: number]
const suites: Suite[] = [
  ['renderer-bundle', () => measureRendererBundle(resolve(root, 'out/renderer'))],
  ['client-overhead', measureClientOverhead],
  ['token-single-flight', measureTokenSingleFlight],
  ['crawl-100k', measureCrawl100k],
  ['fanout-rate', measureFanoutRate],
  ['dataset-heap', measureDatasetHeap],
  // What the machine does on its own, to read the dataset figures by (no budget).
  ['machine-pauses', measureMachinePauses],
  // Ten million rows crawled twice (discarded, then stored), sorted, filtered and exported.
  ['dataset-10m', measureDataset10m, 1_800_000],
  ['grid-scroll', () => measureGridScroll(resolve(root, 'out/renderer'))],
  ['api-catalog', measureApiCatalog],
  ['browse-first-crawl', measureBrowseFirstCrawl],
]

const unknown = only.filter((name) => !suites.some(([n]) => n === name))
if (unknown.length > 0) {
  console.error(`unknown suite(s): ${unknown.join(', ')}; known: ${suites.map(([n]) => n).join(', ')}`)
  process.exit(2)
}

let timedOut = false
function withTimeout<T>(work: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true
      reject(new Error(`${name} did not finish within ${ms / 1000} s`))
    }, ms)
  })
  return Promise.race([work, limit]).finally(() => clearTimeout(timer))
}

const metrics: Metric[] = []
const skipped: string[] = []
const failed: string[] = []
for (const [name, run, timeoutMs] of suites) {
  if (only.length > 0 && !only.includes(name)) continue
  const started = performance.now()
  try {
    const results = await withTimeout(run(), timeoutMs ?? SUITE_TIMEOUT_MS, name)
    metrics.push(...results)
    for (const m of results) console.log(`${m.ok ? 'ok  ' : 'MISS'} ${m.name} = ${m.value} ${m.unit} (budget ${m.budget})${m.notes ? ` — ${m.notes}` : ''}`)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (error instanceof SuiteSkipped) {
      skipped.push(`${name}: ${message}`)
      console.log(`SKIP ${name}: ${message}`)
    } else {
      failed.push(`${name}: ${message}`)
      console.log(`FAIL ${name}: ${message}`)
      if (error instanceof Error && error.stack) console.error(error.stack)
    }
  }
  console.log(`     ${name} took ${Math.round(performance.now() - started)} ms`)
}
// Some suites only: their figures replace the same metrics of the last results, and the other
// suites' figures stay (each keeps its own notes, which say when and how it was measured).
const resultsDir = resolve(root, 'bench/results')
const kept = only.length > 0 ? (await previousMetrics(resultsDir)).filter((old) => !metrics.some((m) => m.name === old.name)) : []
await writeResults(resultsDir, [...kept, ...metrics], {
  date: new Date().toISOString(),
  ...(only.length > 0 ? { 'this run': `${only.join(', ')} (the other figures are from earlier runs)` } : {}),
  node: process.version,
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
  ...(skipped.length > 0 ? { skipped: skipped.join('; ') } : {}),
  ...(failed.length > 0 ? { failed: failed.join('; ') } : {}),
})
console.log(`wrote bench/results/latest.json and latest.md (${metrics.filter((m) => !m.ok).length} budget(s) missed, ${skipped.length} suite(s) skipped, ${failed.length} failed)`)
if (failed.length > 0) process.exitCode = 1
// A timed-out suite may still hold sockets or child processes: end the run instead of waiting.
if (timedOut) process.exit()
