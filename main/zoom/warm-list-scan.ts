// A crawl's first pages would otherwise run the envelope scan (list-envelope-bytes.ts) in V8's
// interpreter: it walks every byte of a page, and on the first 300-row call-history page that took
// 5 to 28 ms of main's time before V8 had compiled it. Scanning small made-up pages many times
// beforehand, a few dozen at a time between other work, gets it compiled first: the first real
// page then took about 1 ms.
import { setImmediate as nextTurn } from 'node:timers/promises'
import { scanListEnvelope } from './list-envelope-bytes'

const page = (value: unknown, indent?: number) => Buffer.from(JSON.stringify(value, null, indent))

/**
 * As Zoom's pages reach the scan: Buffers (not plain Uint8Arrays, which V8 compiles for apart),
 * compact and indented, with strings holding escapes and UTF-8, nested objects and arrays,
 * numbers, booleans and null, a list with rows and an empty one.
 */
const PAGES = [
  page({
    page_size: 2,
    next_page_token: 'warm',
    total_records: 2,
    items: [
      { id: 'a1', name: 'Quote " and back\\slash', count: 12, ok: true, gone: null, tags: ['x', 'y'], owner: { id: 'u1', list: [1, 2.5, { deep: false }] } },
      { id: 'a2', name: 'é', count: -3, ok: false, gone: null, tags: [], owner: {} },
    ],
  }),
  page({ next_page_token: '', total_records: 1, items: [{ id: 'b1', when: '2026-01-01T00:00:00Z', n: 0 }] }, 2),
  page({ next_page_token: '', total_records: 0, items: [] }),
]
const KEYS = ['items']
const SLICES = 40
const ROUNDS_A_SLICE = 20

let warmed: Promise<void> | undefined

/** Scans PAGES ROUNDS_A_SLICE times a slice, SLICES slices, yielding to the event loop between (once a process). */
export function warmListScan(): Promise<void> {
  warmed ??= (async () => {
    for (let slice = 0; slice < SLICES; slice++) {
      for (let round = 0; round < ROUNDS_A_SLICE; round++) for (const bytes of PAGES) scanListEnvelope(bytes, KEYS)
      await nextTurn()
    }
  })()
  return warmed
}
