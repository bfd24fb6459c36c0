// A child process for young-generation.test.ts: allocates short-lived buffers the way a crawl's
// socket reads and HTTP bodies do (64 KB pieces joined into one body), a fixed amount in all, and
// prints how many full (major) and young-generation (minor) collections ran meanwhile, and the
// largest the young generation grew to (the last line of its output).
// argv[2]: `tuned` applies main's start-up setting, `default` leaves V8's own.
// argv[3]: `survivors` also keeps each page's parsed objects alive for the next few pages, as a
// crawl's pages in flight are: what survives the scavenges adds up, and V8 grows the young
// generation for it.
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks'
import { getHeapSpaceStatistics } from 'node:v8'
import { keepBufferCollectionCheap } from '../../../main/young-generation'

if (process.argv[2] === 'tuned') keepBufferCollectionCheap()
const withSurvivors = process.argv[3] === 'survivors'
const counts = { major: 0, minor: 0 }
function count(entries: readonly PerformanceEntry[]): void {
  for (const entry of entries) {
    const kind = (entry as unknown as { detail?: { kind?: number } }).detail?.kind
    if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) counts.major++
    if (kind === constants.NODE_PERFORMANCE_GC_MINOR) counts.minor++
  }
}
const newSpaceBytes = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0
let largestNewSpace = newSpaceBytes()
const observer = new PerformanceObserver((list) => {
  count(list.getEntries())
  largestNewSpace = Math.max(largestNewSpace, newSpaceBytes())
})
observer.observe({ entryTypes: ['gc'] })
let body: Buffer | undefined
const inFlight: object[][] = []
// What the collector printed before this line (--trace-gc-nvp) came while the child loaded.
process.stdout.write('churn starts\n')
// 3,000 bodies of 320 KB: about 1.9 GB allocated, a few hundred KB alive at a time.
for (let round = 0; round < 100; round++) {
  for (let i = 0; i < 30; i++) {
    body = Buffer.concat(Array.from({ length: 5 }, () => Buffer.allocUnsafeSlow(64 * 1024)))
    if (withSurvivors) {
      // A page's rows as objects (about 100 KB), alive until eight pages later.
      inFlight.push(Array.from({ length: 1500 }, (_, row) => ({ row, page: round * 30 + i })))
      if (inFlight.length > 8) inFlight.shift()
    }
  }
  // Between rounds the event loop turns, as it does between pages, so collector tasks can run.
  await new Promise((resolve) => setImmediate(resolve))
}
// Entries not yet delivered to the callback are taken as they are.
count(observer.takeRecords())
observer.disconnect()
largestNewSpace = Math.max(largestNewSpace, newSpaceBytes())
process.stdout.write(JSON.stringify({ ...counts, largestNewSpaceMb: largestNewSpace / 1024 / 1024, bodyBytes: body?.length ?? 0 }))
