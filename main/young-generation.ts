// Short-lived buffers are collected by cheap scavenges, not by full mark-compacts.
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
// size, which it derives from `scavenger_max_new_space_capacity_mb` each time a buffer is
// allocated. V8 13.6 (Node 24; Electron 41 runs the later V8 14.6) raised that flag from 8 to 32
// on desktop, which put the trigger at 64 MB, past the full collection's (nodejs/node#61967 and
// #63863 bisect it to V8 commit 789b37d5db1f). At 1 the trigger is 4 MB: scavenges free the
// buffers ahead of it whatever size the young generation has grown to. Measured here
// (test/main/heap): 1.9 GB of crawl-like bodies ran a scavenge every 3.9 MB (every 33 MB at 8);
// and in the bench, a three-million-row crawl ran 21 full collections on main instead of 173.
//
// The flag also sizes the heaps made after it: a worker thread would get 6 MB of young generation
// instead of 48. The data threads parse and build rows and need theirs, so they are started with
// DATA_THREAD_LIMITS, the size they had before.
//
// A V8 that collects its young generation by mark-sweep instead (`--minor-ms`) reads the same
// trigger from `minor_ms_max_new_space_capacity_mb`, so that flag is set too: under --minor-ms,
// the bodies of test/main/heap ran 24 full collections with the scavenger's flag alone and 3 with both.
//
// Set at start-up: Electron's main process leaves V8's flags unfrozen, so one may be set at run
// time (shell/browser/javascript_environment.cc passes --no-freeze-flags-after-init); worker
// threads share the process's flags. Should a V8 stop reading them, the collector behaves as it
// did without them, and test/main/heap says so.
import { setFlagsFromString } from 'node:v8'
import type { ResourceLimits } from 'node:worker_threads'

export const YOUNG_GENERATION_FLAGS = ['--scavenger-max-new-space-capacity-mb=1', '--minor-ms-max-new-space-capacity-mb=1'] as const

/** A data thread's heap: the young generation V8 gave one before the flag (three 16 MB semi-spaces). */
export const DATA_THREAD_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 48 }

export function keepBufferCollectionCheap(): void {
  for (const flag of YOUNG_GENERATION_FLAGS) setFlagsFromString(flag)
}
