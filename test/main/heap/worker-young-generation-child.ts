// A child process for young-generation.test.ts: applies main's start-up setting (argv[2] `tuned`)
// or not, starts a worker thread, and prints the size of that thread's young generation in bytes.
import { Worker } from 'node:worker_threads'
import { keepBufferCollectionCheap } from '../../../main/young-generation'

if (process.argv[2] === 'tuned') keepBufferCollectionCheap()
const source = `
const { getHeapSpaceStatistics } = require('node:v8')
const { parentPort } = require('node:worker_threads')
parentPort.postMessage(getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size)
`
const worker = new Worker(source, { eval: true })
const size = await new Promise<number>((resolve, reject) => {
  worker.once('message', (message: number) => resolve(message))
  worker.once('error', reject)
})
await worker.terminate()
process.stdout.write(String(size))
