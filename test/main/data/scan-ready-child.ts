// Child of ready-for-crawls.test.ts, run with --allow-natives-syntax: readies main as the app does
// (`ready`, counting its starts of the datasets' thread), or only warms the scan (`warm-only`), or
// neither (`cold`); then scans a page as a crawl's first page comes (a Buffer of 300 rows), moves
// a buffer to another thread as the crawl then does, and reports whether the envelope scan was
// optimized before and after.
import { readyForCrawls } from '../../../main/data/ready-for-crawls'
import { scanListEnvelope } from '../../../main/zoom/list-envelope-bytes'
import { warmListScan } from '../../../main/zoom/warm-list-scan'

// Natives syntax is read only where code is parsed with the flag on: in a Function body, not by tsx.
const natives = (body: string) => new Function('fn', body) as (fn?: unknown) => number
const status = natives('return %GetOptimizationStatus(fn)')
// Background compilations queued so far are finished and installed: nothing depends on timing.
const finishCompiling = natives('%WaitForBackgroundOptimization(); %FinalizeOptimization(); return 0')
// V8's OptimizationStatus: 1 << 4 is "optimized" (by Maglev or TurboFan, and not marked for deoptimization).
const OPTIMIZED = 1 << 4
const optimized = () => (status(scanListEnvelope) & OPTIMIZED) !== 0

const row = { id: 'r', caller_name: 'Chloe "C" Silva', duration: 640, international: true, site: { id: 's', name: 'London' } }
const firstPage = Buffer.from(JSON.stringify({ next_page_token: 'n', total_records: 300, call_logs: Array.from({ length: 300 }, (_, i) => ({ ...row, id: `r${i}` })) }))

const mode = process.argv[2]
let datasetsWarmed = 0
if (mode === 'ready') await readyForCrawls({ warm: async () => void datasetsWarmed++ })
else if (mode === 'warm-only') await warmListScan()
finishCompiling()
scanListEnvelope(firstPage, ['call_logs'])
const afterFirstPage = optimized()
const transferred = new Uint8Array(64)
structuredClone(transferred, { transfer: [transferred.buffer] })
const afterTransfer = optimized()
console.log(JSON.stringify({ afterFirstPage, afterTransfer, datasetsWarmed }))
