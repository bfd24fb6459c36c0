// Short-lived buffers are collected by cheap scavenges again, not by full mark-compacts.
//
// Every socket read and every HTTP body is an ArrayBuffer. V8 13.6 (Node 24; Electron 41 runs the
// later V8 14.6) raised `scavenger_max_new_space_capacity_mb` from 8 to 32 on desktop. That moved the
// point at which young ArrayBuffers trigger a scavenge above V8's fixed 64 MB external-memory limit,
// so during a crawl they are reclaimed by full mark-compacts instead: several a second, each
// blocking main's event loop for milliseconds and slowing the crawl (nodejs/node#61967 and #63863
// bisect it to V8 commit 789b37d5db1f). Measured here (test/main/heap): a child allocating
// crawl-like bodies ran 20–24 full collections without this and 0–1 with it.
//
// Set at start-up, the flag changes that trigger only (V8 reads it when a buffer is allocated;
// the heap's own sizes were fixed when it was made). Electron's main process leaves V8's flags
// unfrozen, so one may be set at run time (shell/browser/javascript_environment.cc passes
// --no-freeze-flags-after-init); worker threads share the process's flags.
import { setFlagsFromString } from 'node:v8'

export const YOUNG_GENERATION_FLAG = '--scavenger-max-new-space-capacity-mb=8'

export function keepBufferCollectionCheap(): void {
  setFlagsFromString(YOUNG_GENERATION_FLAG)
}
