// Runs in a child process started by dataset-10m.ts (so nothing else of the benchmark run shares
// its memory or event loop): the product's data services, as core.ts wires them, against the
// sandbox's synthetic call history. Reads every page once and discards it (the floor), then
// crawls the same pages into a dataset, sorts, pages through, filters and exports it; reports the
// figures over IPC. Resident memory is sampled every 100 ms; main's event loop is watched by
// monitorEventLoopDelay from the start of the crawl to the end of the filter.
import { readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { listPathOf } from '../../../common/zoom/browse/names'
import { listSpecFor } from '../../../common/zoom/browse/list-spec'
import { listPages } from '../../../main/data/jobs/list-pages'
import { newPageCursor } from '../../../main/zoom/paginate'
import { exportDataset } from '../../../main/data/export/export-dataset'
import { runCollectorHelpersInBackground } from '../../../main/threads/thread-priority'
import { keepBufferCollectionCheap } from '../../../main/young-generation'
import { percentile } from '../../report'
import { dataStack } from './data-stack'
import { type GapSplit, watchLoopGaps } from './loop-gap-split'
import type { SandboxProcess } from './sandbox-process'

export interface DatasetChildInput extends Pick<SandboxProcess, 'url' | 'apps'> {
  rows: number
  /** `discard`: only read the pages and discard them (the floor); `dataset`: crawl, sort, filter, export. */
  phase: 'discard' | 'dataset'
}

/** What the discarding read reports. */
export interface DiscardReport {
  discardRowsPerS: number
  /** The longest block while the pages were read and discarded (the Zoom client alone). */
  loopDiscardMs: number
}

export interface DatasetChildReport {
  rows: number
  crawlRowsPerS: number
  rssGrowthMb: number
  rssBaselineMb: number
  firstSortMs: number
  windowP95Ms: number
  windowMaxMs: number
  windows: number
  filterMs: number
  filterRows: number
  exportRows: number
  exportRowsPerS: number
  loopBlockMs: number
  loopP99Ms: number
  /** The longest block while crawling, and while sorting, paging and filtering after it. */
  loopCrawlMs: number
  loopReadsMs: number
  /** Bytes the process had written to storage during the crawl (see bytesWritten; Linux only). */
  crawlWrittenBytes: number | undefined
  crawlSeconds: number
  /** The longest gap a 1 ms timer on main saw over the same stretch as loopBlockMs, split (Linux only). */
  loopGap: GapSplit | undefined
}

const MB = 1024 * 1024

/**
 * Bytes the process has had written to storage so far (Linux's write_bytes, all threads: the
 * pages it dirtied, which the write-behind syncs within a second or so), less those dropped before
 * they were written (cancelled_write_bytes: files truncated or deleted first); undefined where
 * Linux does not keep them. The filesystem's own journal and metadata writes are not in it.
 */
async function bytesWritten(): Promise<number | undefined> {
  try {
    const fields = new Map((await readFile('/proc/self/io', 'utf8')).split('\n').map((line) => [line.split(':')[0], Number(line.split(':')[1])] as const))
    const written = fields.get('write_bytes')
    const cancelled = fields.get('cancelled_write_bytes')
    return written === undefined || cancelled === undefined ? undefined : written - cancelled
  } catch {
    return undefined
  }
}
const WINDOWS = 200
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)

// Main's start-up settings for the collector, as the app's main applies them.
keepBufferCollectionCheap()
runCollectorHelpersInBackground()

const input = await new Promise<DatasetChildInput>((resolve) => process.once('message', (message) => resolve(message as DatasetChildInput)))
// The client's limiter is on its fast path: the sandbox has no limits and the figure is about storing.
// Nor does it count Zoom's daily caps: ten million call-history rows are 33,334 pages a pass, more
// than a Business account's 30,000 heavy Phone requests a day, which the sandbox does not enforce.
const stack = await dataStack(input, { limiter: { headroom: 1e6, dailyCaps: false } })
const profileId = stack.stack.profile.id
const params = { from: day(Date.now() - 20 * 86_400_000), to: day(Date.now()) }

// 1. The same pages read and discarded: what the crawl could do if storing cost nothing. In a
// process of its own, so the crawl does not inherit the heap this shapes (parsing every page on
// main grows V8's young generation, and a larger one makes the collector run on other terms).
if (input.phase === 'discard') {
  // Through the same listing a crawl makes (listPages: the list's page size, its pagination style).
  const callHistory = listSpecFor(listPathOf('phone.callHistory') ?? '', undefined)
  if (!callHistory) throw new Error('no built-in call history list')
  let discarded = 0
  const discardLoop = monitorEventLoopDelay({ resolution: 1 })
  discardLoop.enable()
  const discardStart = performance.now()
  // With a cursor that, like the crawl's, leaves keeping each row once to the dataset.
  for await (const page of listPages(stack.clients.forProfile(profileId), callHistory, { pathValues: {}, query: params, signal: new AbortController().signal, cursor: newPageCursor({ rememberTaken: false }) })) discarded += page.items.length
  const discardSeconds = (performance.now() - discardStart) / 1000
  discardLoop.disable()
  if (discarded !== input.rows) throw new Error(`the discarding read got ${discarded} rows, expected ${input.rows}`)
  const report: DiscardReport = { discardRowsPerS: discarded / discardSeconds, loopDiscardMs: discardLoop.max / 1e6 }
  process.send?.(report)
  await stack.close()
  process.disconnect()
  process.exit(0)
}

// 2. The crawl into a dataset, with resident memory sampled and main's event loop watched.
const loop = monitorEventLoopDelay({ resolution: 1 })
const crawlLoop = monitorEventLoopDelay({ resolution: 1 })
const rssBaseline = process.memoryUsage().rss
let rssPeak = rssBaseline
const sampler = setInterval(() => {
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss)
}, 100)
loop.enable()
crawlLoop.enable()
const gaps = watchLoopGaps()
const writtenBefore = await bytesWritten()
const crawlStart = performance.now()
const { progress, dataset } = await stack.crawl('phone.callHistory', params)
const crawlSeconds = (performance.now() - crawlStart) / 1000
const writtenAfter = await bytesWritten()
crawlLoop.disable()
const readsLoop = monitorEventLoopDelay({ resolution: 1 })
readsLoop.enable()
clearInterval(sampler)
rssPeak = Math.max(rssPeak, process.memoryUsage().rss)
if (progress.state !== 'done' || dataset.rowCount !== input.rows) throw new Error(`the crawl ended ${progress.state} with ${dataset.rowCount} rows: ${progress.error?.message ?? ''}`)

// 3. A first sort (including any index it builds), then 100-row windows anywhere in it.
const sort = { column: 'caller_name', direction: 'asc' as const }
const sortStart = performance.now()
await dataset.window({ offset: 0, limit: 100, sort })
const firstSortMs = performance.now() - sortStart
const times: number[] = []
let state = 7
for (let i = 0; i < WINDOWS; i++) {
  state = (state * 1103515245 + 12345) % 2147483648
  const offset = state % Math.max(1, input.rows - 100)
  const started = performance.now()
  await dataset.window({ offset, limit: 100, sort })
  times.push(performance.now() - started)
}

// 4. A substring filter on a text column.
const filterStart = performance.now()
const filtered = await dataset.window({ offset: 0, limit: 100, filter: { columns: { callee_name: 'an' } } })
const filterMs = performance.now() - filterStart
loop.disable()
readsLoop.disable()
const loopGap = gaps?.stop()

// 5. The export of every row to CSV, streamed from the database.
const target = join(tmpdir(), `zoom-connect-bench-${process.pid}.csv`)
const exportStart = performance.now()
const exported = await exportDataset({ dialogs: { chooseSaveFile: async () => target, chooseOpenFile: async () => undefined, chooseFolder: async () => undefined, confirm: async () => false }, clock: { now: () => Date.now() } }, dataset, { format: 'csv' })
const exportSeconds = (performance.now() - exportStart) / 1000
await rm(target, { force: true })

const report: DatasetChildReport = {
  rows: dataset.rowCount,
  crawlRowsPerS: dataset.rowCount / crawlSeconds,
  crawlSeconds,
  loopGap,
  rssGrowthMb: (rssPeak - rssBaseline) / MB,
  rssBaselineMb: rssBaseline / MB,
  firstSortMs,
  windowP95Ms: percentile(times, 95),
  windowMaxMs: Math.max(...times),
  windows: WINDOWS,
  filterMs,
  filterRows: filtered.filteredTotal,
  exportRows: exported.rows,
  exportRowsPerS: exported.rows / exportSeconds,
  loopBlockMs: loop.max / 1e6,
  loopP99Ms: loop.percentile(99) / 1e6,
  loopCrawlMs: crawlLoop.max / 1e6,
  loopReadsMs: readsLoop.max / 1e6,
  crawlWrittenBytes: writtenBefore === undefined || writtenAfter === undefined ? undefined : writtenAfter - writtenBefore,
}
process.send?.(report)
await stack.close()
process.disconnect()
