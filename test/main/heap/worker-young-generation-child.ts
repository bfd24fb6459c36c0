// A child process for young-generation.test.ts: applies main's start-up setting, starts a worker
// thread with the data threads' limits (argv[2] `with-limits`) or with none, and prints the young
// generation the thread got, in MB.
import { Worker } from 'node:worker_threads'
import { DATA_THREAD_LIMITS, keepBufferCollectionCheap } from '../../../main/young-generation'

keepBufferCollectionCheap()
const source = `
const { parentPort, resourceLimits } = require('node:worker_threads')
parentPort.postMessage(resourceLimits.maxYoungGenerationSizeMb)
`
const worker = new Worker(source, { eval: true, ...(process.argv[2] === 'with-limits' ? { resourceLimits: DATA_THREAD_LIMITS } : {}) })
const size = await new Promise<number>((resolve, reject) => {
  worker.once('message', (message: number) => resolve(message))
  worker.once('error', reject)
})
await worker.terminate()
process.stdout.write(String(size))
