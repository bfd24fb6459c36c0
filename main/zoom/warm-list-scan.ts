// A crawl's first pages would otherwise run the envelope scan (list-envelope-bytes.ts) in V8's
// interpreter: it walks every byte of a page, and on the first 300-row call-history page that took
// 5 to 28 ms of main's time before V8 had compiled it. Scanning a small made-up page many times
// beforehand, a few dozen at a time between other work, gets it compiled first: the first real
// page then took about 1 ms.
import { scanListEnvelope } from './list-envelope-bytes'

/** Strings with escapes, nested objects and arrays, numbers, booleans and null: every path of the scan. */
const PAGE = new TextEncoder().encode(
  JSON.stringify({
    page_size: 2,
    next_page_token: 'warm',
    total_records: 2,
    items: [
      { id: 'a1', name: 'Quote " and back\\slash', count: 12, ok: true, gone: null, tags: ['x', 'y'], owner: { id: 'u1', list: [1, 2.5, { deep: false }] } },
      { id: 'a2', name: 'é', count: -3, ok: false, gone: null, tags: [], owner: {} },
    ],
  }),
)
const KEYS = ['items']
const SLICES = 40
const SCANS_A_SLICE = 50

/** Scans PAGE SLICES × SCANS_A_SLICE times, yielding to the event loop between slices. */
export async function warmListScan(): Promise<void> {
  for (let slice = 0; slice < SLICES; slice++) {
    for (let i = 0; i < SCANS_A_SLICE; i++) scanListEnvelope(PAGE, KEYS)
    await new Promise((resolve) => setImmediate(resolve))
  }
}
