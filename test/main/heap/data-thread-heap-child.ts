// A child process for young-generation.test.ts: starts a thread as the data threads are started
// (DATA_THREAD_LIMITS), which builds rows the way the store's worker does (a page's objects alive
// for a few pages), and prints the size of the thread's young generation when it started and the
// largest it grew to (the last line of its output).
// argv[2]: `tuned` applies main's start-up setting before the thread starts, `default` leaves V8's own.
import { Worker } from 'node:worker_threads'
import { DATA_THREAD_LIMITS, keepBufferCollectionCheap } from '../../../main/young-generation'

if (process.argv[2] === 'tuned') keepBufferCollectionCheap()

// Plain JavaScript, evaluated in the thread: it needs no module of the app.
const THREAD = `
const { getHeapSpaceStatistics } = require('node:v8')
const { parentPort } = require('node:worker_threads')
const newSpaceBytes = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size
const startBytes = newSpaceBytes()
let largestBytes = startBytes
const inFlight = []
for (let page = 0; page < 600; page++) {
  inFlight.push(Array.from({ length: 1500 }, (_, row) => ({ row, page, name: 'row ' + row })))
  if (inFlight.length > 8) inFlight.shift()
  largestBytes = Math.max(largestBytes, newSpaceBytes())
}
parentPort.postMessage({ startMb: startBytes / 1024 / 1024, largestMb: largestBytes / 1024 / 1024 })
`
const thread = new Worker(THREAD, { eval: true, resourceLimits: DATA_THREAD_LIMITS })
const sizes = await new Promise((resolve, reject) => {
  thread.once('message', resolve)
  thread.once('error', reject)
})
await thread.terminate()
process.stdout.write(JSON.stringify(sizes))
