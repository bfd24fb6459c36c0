// Short-lived buffers are collected by cheap scavenges again, not by full mark-compacts.
//
// Every socket read and every HTTP body is an ArrayBuffer. V8 13.6 (Node 24, and the V8 of
// Electron 41) raised `scavenger_max_new_space_capacity_mb` from 8 to 32 on desktop. That moved the
// point at which young ArrayBuffers trigger a scavenge above V8's fixed 64 MB external-memory limit,
// so during a crawl they are reclaimed by full mark-compacts instead: several a second, each
// blocking main's event loop for milliseconds and slowing the crawl (nodejs/node#61967 and #63863
// bisect it to V8 commit 789b37d5db1f). Measured here: a ten-million-row crawl stored 54,000 rows a
// second with the flag below and 36,000 without, and main's longest block fell from 29–33 ms to 16.
//
// Set at start-up, the flag changes that trigger only (V8 reads it when a buffer is allocated;
// the heap's own sizes were fixed when it was made). Electron's main process leaves V8's flags
// unfrozen for exactly this (shell/browser/javascript_environment.cc passes
// --no-freeze-flags-after-init), and a worker thread shares the process's flags.
import { setFlagsFromString } from 'node:v8'

export const YOUNG_GENERATION_FLAG = '--scavenger-max-new-space-capacity-mb=8'

export function keepBufferCollectionCheap(): void {
  setFlagsFromString(YOUNG_GENERATION_FLAG)
}
