// Short-lived buffers are collected by cheap scavenges, not by full mark-compacts, and a scavenge
// on main never waits for V8's helper threads.
//
// Every socket read and every HTTP body is an ArrayBuffer: a crawl's page of 280 KB allocates
// about 850 KB of them on main (the socket's reads, the HTTP parser's copies of the body, got's
// joined body), and main allocates little else. V8 counts the external memory allocated since the
// last full collection against the old generation's room to grow, so unless a scavenge frees the
// dead buffers first, they start a full collection: once main's old generation had settled at
// about 20 MB, one every ~10 MB of buffers, i.e. every 110 ms of a crawl, each blocking main's
// event loop for milliseconds (174 in a crawl of a million rows, with no scavenge between them).
//
// V8 starts a scavenge when the young generation's buffers reach twice its default semi-space
// size (Heap::AllocateExternalBackingStore), which it derives from
// `scavenger_max_new_space_capacity_mb` each time a buffer is allocated: the flag's megabytes,
// doubled where V8 is built without pointer compression (Node) and not where it is built with it
// (Electron). V8 13.6 (Node 24; Electron 41 runs the later V8 14.6) raised the flag from 8 to 32
// on desktop, which put the trigger at 128 MB in Node and 64 MB in Electron, past the full
// collection's (nodejs/node#61967 and #63863 bisect it to V8 commit 789b37d5db1f); at 8 it was
// still 32 and 16 MB. At 1 it is 4 MB in Node and 2 MB in Electron: scavenges free the buffers
// ahead of the full collection, whatever size the young generation has grown to. Measured in Node
// (test/main/heap): 1.9 GB of crawl-like bodies ran a scavenge every 3.9 MB (every 33 MB at 8);
// in the bench, a three-million-row crawl ran 21 full collections on main instead of 173.
//
// The price: while more buffers than the trigger are alive, each new one sets off a scavenge,
// and buffers alive through two of them are promoted. One listing keeps a page or two in flight
// (under 2 MB); six large pages fetched at once would go over it. The data threads share the
// trigger (the flag is per process): they scavenge more often over their own buffers.
//
// The flag also sizes the heaps made after it: a worker thread would get 6 MB of young generation
// (12 with pointer compression) instead of the 48 MB that the app's earlier setting (8) gave it.
// The data threads parse and build rows and need theirs, so they are started with
// DATA_THREAD_LIMITS.
//
// A V8 that collects its young generation by mark-sweep instead (`--minor-ms`) reads the same
// trigger from `minor_ms_max_new_space_capacity_mb`, so that flag is set too: under --minor-ms,
// the bodies of test/main/heap ran 24 full collections with the scavenger's flag alone and 3 with
// both.
//
// Scavenges run on one thread (`--no-parallel-scavenge`, read at each scavenge). A parallel
// scavenge hands parts of its work to the process's V8 helper threads and waits for those that
// took a part; on two busy cores a helper may wait milliseconds for one, and main with it. Traced
// in the bench (--trace-gc-nvp): scavenges of 7–15 ms on main in which main and the helpers did
// under a millisecond of work between them; main's own survivors are a few hundred KB, which one
// thread copies in well under a millisecond. The data threads' scavenges then stay on those
// threads, at their background priority, instead of running on helpers at main's. Three-million-
// row bench, two runs each: main-loop block 29 and 29 ms with it, 36 and 40 without (21 in a third,
// traced run); at a million rows 25 and 27 against 26 and 29: it removes one kind of wait, not the
// longest block.
//
// Main's young generation keeps the size it starts at (`--semi-space-growth-factor=1`). V8 grows a
// young generation, doubling it, once the bytes that survived its scavenges since the last growth
// outnumber its size (Heap::ShouldResizeNewSpace). Each of a crawl's scavenges on main keeps the
// requests in flight, about 130 KB, so main's grew 8 → 16 → 32 → 64 MB in a crawl's first 15 s,
// and making the new pages ready held main inside those scavenges for 7.5, 9.4 and 16.9 ms
// (--trace-gc-nvp: scavenge.resize_new_space) — the longest blocks left in the first seconds of
// a crawl. Main has no use for the room: what it allocates on its heap dies young, and what sets
// off its scavenges is the buffers' trigger above, not its heap filling up. V8 reads the factor
// each time it would grow a young generation (Heap::ExpandNewSpaceSize in the V8 of Node 24 and
// later): at 1 the size it picks is the current one and the growth is skipped. V8's minimum of 2
// is imposed on flags given at start-up (EnforceFlagImplications), not on those set later through
// SetFlagsFromString.
//
// The factor is the process's, so the data threads' young generations would not grow either. They
// are therefore made at their full size: `--min-semi-space-size` is read when a heap is
// configured, which for main has happened already and for each data thread happens when it starts.
// Measured in the bench (three million rows): with the factor alone, the export ran at 142,000
// rows/s instead of 266,000, its thread scavenging a 1 MB young generation; with both, 214,000
// to 278,000 in the runs after. The price: each data thread holds its whole young generation from
// its start (16 MB, and 16 more from its first scavenge), used or not.
//
// Set at start-up: Electron's main process leaves V8's flags unfrozen, so one may be set at run
// time (shell/browser/javascript_environment.cc passes --no-freeze-flags-after-init); worker
// threads share the process's flags. V8 ignores a flag it does not know: should a V8 rename or
// stop reading these, the collector behaves as it did without them. test/main/heap checks them on
// the Node that tests run on, not on Electron's V8.
import { setFlagsFromString } from 'node:v8'
import type { ResourceLimits } from 'node:worker_threads'

/** A data thread's semi-space, in MB: the size its young generation grew to under the app's earlier setting. */
const DATA_THREAD_SEMI_SPACE_MB = 16

export const YOUNG_GENERATION_FLAGS = [
  '--scavenger-max-new-space-capacity-mb=1',
  '--minor-ms-max-new-space-capacity-mb=1',
  '--no-parallel-scavenge',
  '--semi-space-growth-factor=1',
  `--min-semi-space-size=${DATA_THREAD_SEMI_SPACE_MB}`,
] as const

/** A data thread's heap: a young generation of three semi-spaces (V8 counts the large-object space as one), made whole from the start. */
export const DATA_THREAD_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 3 * DATA_THREAD_SEMI_SPACE_MB }

export function keepBufferCollectionCheap(): void {
  for (const flag of YOUNG_GENERATION_FLAGS) setFlagsFromString(flag)
}
