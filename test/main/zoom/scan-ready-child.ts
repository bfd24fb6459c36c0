// Child of ready-for-crawls.test.ts, run with --allow-natives-syntax: readies main as the app does
// (or only warms the scan: `warm-only`; or nothing: `cold`), then reads V8's optimization status of
// the envelope scan before and after a buffer is moved to another thread.
import { readyForCrawls } from '../../../main/data/ready-for-crawls'
import { scanListEnvelope } from '../../../main/zoom/list-envelope-bytes'
import { warmListScan } from '../../../main/zoom/warm-list-scan'

// Natives syntax is read only where code is parsed with the flag on: in a Function body, not by tsx.
const status = new Function('fn', 'return %GetOptimizationStatus(fn)') as (fn: unknown) => number
// V8's OptimizationStatus: bit 4 (16) is "optimized" (by Maglev or TurboFan).
const OPTIMIZED = 16
const optimized = () => (status(scanListEnvelope) & OPTIMIZED) !== 0

const mode = process.argv[2]
if (mode === 'ready') await readyForCrawls({ warm: async () => undefined })
else if (mode === 'warm-only') await warmListScan()
// A concurrently compiled function is installed when it is next called, as the first page would call it.
scanListEnvelope(new TextEncoder().encode('{"items":[]}'), ['items'])
const afterReady = optimized()
const buffer = new ArrayBuffer(16)
structuredClone(buffer, { transfer: [buffer] })
const afterTransfer = optimized()
console.log(JSON.stringify({ afterReady, afterTransfer }))
