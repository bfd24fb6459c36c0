// A child process for young-generation.test.ts: allocates short-lived buffers the way a crawl's
// socket reads and HTTP bodies do (64 KB pieces joined into one body), a fixed amount in all, and
// prints how many full (major) and young-generation (minor) collections ran meanwhile.
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks'
import { keepBufferCollectionCheap } from '../../../main/young-generation'

if (process.argv[2] === 'tuned') keepBufferCollectionCheap()
const counts = { major: 0, minor: 0 }
function count(entries: readonly PerformanceEntry[]): void {
  for (const entry of entries) {
    const kind = (entry as unknown as { detail?: { kind?: number } }).detail?.kind
    if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) counts.major++
    if (kind === constants.NODE_PERFORMANCE_GC_MINOR) counts.minor++
  }
}
const observer = new PerformanceObserver((list) => count(list.getEntries()))
observer.observe({ entryTypes: ['gc'] })
let body: Buffer | undefined
// 3,000 bodies of 320 KB: about 1.9 GB allocated, a few hundred KB alive at a time.
for (let round = 0; round < 100; round++) {
  for (let i = 0; i < 30; i++) body = Buffer.concat(Array.from({ length: 5 }, () => Buffer.allocUnsafeSlow(64 * 1024)))
  // Between rounds the event loop turns, as it does between pages, so collector tasks can run.
  await new Promise((resolve) => setImmediate(resolve))
}
// Entries not yet delivered to the callback are taken as they are.
count(observer.takeRecords())
observer.disconnect()
process.stdout.write(JSON.stringify({ ...counts, bodyBytes: body?.length ?? 0 }))
