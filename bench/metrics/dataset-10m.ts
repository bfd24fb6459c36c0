// dataset_10m_*: ten million call-history rows crawled into one dataset (SQLite in the dataset
// worker), then sorted, paged, filtered and exported, in a fresh child process
// (support/dataset-child.ts) whose resident memory and event loop are measured; the discarding
// read that the crawl is compared with runs in a fresh child of its own first. The sandbox runs
// in a third process and serves the calls from its fast synthetic mode
// (SandboxOptions.syntheticCallHistory: generated records repeated with their own ids).
// DATASET_BENCH_ROWS sets another row count (a quick run on a small machine).
import { fork } from 'node:child_process'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { metric, type Metric } from '../report'
import type { DatasetChildInput, DatasetChildReport, DiscardReport } from './support/dataset-child'
import { withSandbox } from './support/sandbox-process'

const ROWS = Number(process.env.DATASET_BENCH_ROWS ?? 10_000_000)
const CHILD = fileURLToPath(new URL('./support/dataset-child.ts', import.meta.url))
const label = ROWS === 10_000_000 ? '10m' : `${ROWS}`

export async function measureDataset10m(): Promise<Metric[]> {
  return withSandbox({ seed: 15, users: 1000, plan: 'unlimited', syntheticCallHistory: ROWS }, async (sandbox) => {
    // Every figure is wall-clock on a shared machine: the load it was measured under goes with it.
    const loadAtStart = loadavg()[0]!
    const discard = await runChild<DiscardReport>({ url: sandbox.url, apps: sandbox.apps, rows: ROWS, phase: 'discard' })
    const r = { ...(await runChild<DatasetChildReport>({ url: sandbox.url, apps: sandbox.apps, rows: ROWS, phase: 'dataset' })), ...discard }
    const rows = `${r.rows.toLocaleString('en')} rows`
    const load = `; load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end (2 cores); the sandbox at its ${sandbox.priority} priority`
    // What the crawl had written reaches the disk within a second or so (the datasets' write-behind);
    // on the bench's virtual machines the host stops every CPU now and then while it does (machine-pauses).
    const written = r.crawlWrittenBytes === undefined ? '' : `; the crawl had about ${(r.crawlWrittenBytes / 1e9).toFixed(1)} GB written to the disk (${(r.crawlWrittenBytes / 1e6 / r.crawlSeconds).toFixed(0)} MB/s; machine_pause_flushing_ms is how long this machine stopped every CPU at once while about that rate was flushed, in a run of its own)`
    const g = r.loopGap
    const split = g === undefined ? '' : `; the longest gap a 1 ms timer on main saw, ${g.gapMs.toFixed(1)} ms at ${(g.atMs / 1000).toFixed(1)} s: main ran ${g.ranMs.toFixed(1)} ms (a stop of its CPU by the host counts here), waited ${g.waitedMs.toFixed(1)} ms for a core and was neither for ${g.elsewhereMs.toFixed(1)} ms (asleep past its timer, or blocked in a call)`
    const metrics = [
      metric(`dataset_${label}_rss_mb`, r.rssGrowthMb, 'MB', { kind: 'max', limit: 300 }, `peak resident memory − before the crawl (${r.rssBaselineMb.toFixed(0)} MB), sampled every 100 ms while ${rows} were crawled into one dataset`),
      metric(`dataset_${label}_crawl_ratio`, r.crawlRowsPerS / r.discardRowsPerS, '', { kind: 'min', limit: 0.8 }, `stored ${Math.round(r.crawlRowsPerS).toLocaleString('en')} rows/s ÷ ${Math.round(r.discardRowsPerS).toLocaleString('en')} rows/s for the same pages read and discarded`),
      metric(`dataset_${label}_crawl_rows_per_s`, r.crawlRowsPerS, 'rows/s', { kind: 'min', limit: Math.round(0.8 * r.discardRowsPerS) }, `rows stored per second; the budget is 0.8 × the discarding read of this run${written}`),
      metric(`dataset_${label}_first_sort_ms`, r.firstSortMs, 'ms', { kind: 'max', limit: 2000 }, 'first 100-row window sorted by caller name (a text column), including the view it materialises'),
      metric(`dataset_${label}_window_ms`, r.windowP95Ms, 'ms', { kind: 'max', limit: 50 }, `p95 of ${r.windows} 100-row windows at random offsets of that sort; the slowest ${r.windowMaxMs.toFixed(0)} ms (the first, which waits for the whole order when the first window was answered before it)`),
      metric(`dataset_${label}_filter_ms`, r.filterMs, 'ms', { kind: 'max', limit: 1500 }, `first window of a substring filter on callee name ("an": ${r.filterRows.toLocaleString('en')} rows)`),
      metric('export_csv_rows_per_s', r.exportRowsPerS, 'rows/s', { kind: 'min', limit: 200_000 }, `CSV export of all ${r.exportRows.toLocaleString('en')} rows (default columns, labels) streamed by the dataset worker`),
      metric('main_loop_block_ms', r.loopBlockMs, 'ms', { kind: 'max', limit: 20 }, `longest event-loop delay of main (monitorEventLoopDelay, 1 ms resolution) from the crawl's start to the filter's end; p99 ${r.loopP99Ms.toFixed(1)} ms; longest while crawling ${r.loopCrawlMs.toFixed(0)} ms, while sorting, paging and filtering ${r.loopReadsMs.toFixed(0)} ms; while the same pages were read and discarded (the Zoom client alone, no dataset, in a process of its own) ${r.loopDiscardMs.toFixed(0)} ms${split}${written}`),
    ]
    return metrics.map((m) => ({ ...m, notes: `${m.notes ?? ''}${load}` }))
  })
}

/** One phase in a fresh child process: its report. */
async function runChild<Report>(input: DatasetChildInput): Promise<Report> {
  // DATASET_BENCH_NODE_FLAGS: Node flags for the child only (e.g. "--cpu-prof --cpu-prof-dir=/tmp/p" or "--trace-gc").
  const flags = (process.env.DATASET_BENCH_NODE_FLAGS ?? '').split(' ').filter((flag) => flag !== '')
  const child = fork(CHILD, [], { execArgv: ['--import', 'tsx', ...flags], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const reported = new Promise<Report>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Report))
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`the dataset child exited with code ${code} before reporting`)))
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  try {
    child.send(input)
    return await reported
  } finally {
    // The child ends by itself once it has reported (so its CPU profiles get written); one stuck is stopped.
    const stuck = setTimeout(() => child.kill(), 60_000)
    await exited
    clearTimeout(stuck)
  }
}
