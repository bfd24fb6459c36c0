// Short-lived buffers are collected by cheap scavenges, not by full mark-compacts.
//
// Every socket read and every HTTP body is an ArrayBuffer: a crawl's page of 280 KB allocates
// about 850 KB of them on main (the socket's reads, the parser's copies of the body, got's joined
// body), and main allocates little else. Two things in V8 turn that into a full collection every
// tenth of a second, each one blocking main's event loop for milliseconds:
//
// - V8 13.6 (Node 24; Electron 41 runs the later V8 14.6) raised
//   `scavenger_max_new_space_capacity_mb` from 8 to 32 on desktop. That moved the point at which
//   young ArrayBuffers trigger a scavenge above V8's fixed 64 MB external-memory limit, so they
//   were reclaimed by full mark-compacts instead (nodejs/node#61967 and #63863 bisect it to V8
//   commit 789b37d5db1f). Setting the flag back to 8 at start-up restores that trigger; V8 reads
//   it when a buffer is allocated.
// - The young generation grows on its own: V8 doubles it whenever the bytes that survived its
//   scavenges since the last growth exceed its size. They add up over a long crawl (the pages in
//   flight survive one or two scavenges each), so main's grew from 1 to 32 MB a semi-space within
//   seconds; the flag above does not cap a heap that already exists. V8 then starts a full
//   collection once the external memory allocated since the last one reaches the old
//   generation's free space minus the young generation's size: with 32 MB semi-spaces that is
//   about 10 MB of buffers, so a full collection ran every 110 ms (174 in a crawl of a million
//   rows, with no scavenge between them), and the young generation was never collected alone.
//   Growth factor 1 keeps every young generation at the size it has, so main's stays at the
//   size it was made with (1 MB semi-spaces in Node): its scavenges come every megabyte, free the
//   dead buffers, and the same crawl ran 2–3 full collections.
// - Heaps made after this — the dataset thread's and the export helper's — start at
//   `min_semi_space_size` (16 MB semi-spaces, capped by V8 at the largest the capacity above
//   allows): the size they grew to before. They parse and build rows, and kept at 1 MB they
//   scavenged ten times as often and stored and exported slower.
//
// V8 reads all three flags when it uses them (the growth factor when the young generation would
// grow, the sizes when a heap is made), and Electron's main process leaves V8's flags unfrozen
// (shell/browser/javascript_environment.cc passes --no-freeze-flags-after-init); worker threads
// share the process's flags. Measured here by test/main/heap; should a V8 ignore one, the
// collector behaves as it did without it, and that test says so.
import { setFlagsFromString } from 'node:v8'

export const YOUNG_GENERATION_FLAGS = ['--scavenger-max-new-space-capacity-mb=8', '--semi-space-growth-factor=1', '--min-semi-space-size=16'] as const

export function keepBufferCollectionCheap(): void {
  for (const flag of YOUNG_GENERATION_FLAGS) setFlagsFromString(flag)
}
