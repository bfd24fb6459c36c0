// dataset_100k_heap_mb: V8 heap that holding all 100,000 users costs main. Measured in a fresh
// child process (support/heap-child.ts, --expose-gc) so nothing else of the benchmark run sits in
// that heap: heapUsed after full collections before the crawls and after them, datasets retained.
// The sandbox runs in a third process.
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { metric, type Metric } from '../report'
import { withSandbox } from './support/sandbox-process'

const USERS = 100_000
const MB = 1024 * 1024
const CHILD = fileURLToPath(new URL('./support/heap-child.ts', import.meta.url))

interface HeapReport {
  before: number
  after: number
  rows: number
}

export async function measureDatasetHeap(): Promise<Metric[]> {
  return withSandbox({ seed: 14, users: USERS, plan: 'unlimited' }, async (sandbox) => {
    const child = fork(CHILD, [], { execArgv: ['--expose-gc', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    const report = new Promise<HeapReport>((resolve, reject) => {
      child.once('message', (message) => resolve(message as HeapReport))
      child.once('error', reject)
      child.once('exit', (code) => reject(new Error(`the heap child exited with code ${code} before reporting`)))
    })
    const exited = new Promise((resolve) => child.once('exit', resolve))
    let measured: HeapReport
    try {
      child.send({ url: sandbox.url, apps: sandbox.apps })
      measured = await report
    } finally {
      // Reported or not, the child is done: do not leave it holding the sandbox or the run.
      if (child.exitCode === null && child.signalCode === null) child.kill()
      await exited
    }
    const { before, after, rows } = measured
    if (rows !== USERS) throw new Error(`the datasets hold ${rows} rows, expected ${USERS}`)
    const delta = (after - before) / MB
    return [
      metric('dataset_100k_heap_mb', delta, 'MB', { kind: 'max', limit: 60 }, `main's heapUsed after − before crawling ${USERS} users into datasets (three jobs, one per status), after info, a first window and a sort each; full GCs in a fresh process. The rows are in the dataset files, read by the dataset worker (its own heap, counted in dataset_10m_rss_mb)`),
      metric('dataset_100k_heap_total_mb', after / MB, 'MB', { kind: 'max', limit: 200 }, `the whole heap of that process (product modules loaded, ${(before / MB).toFixed(1)} MB before the crawls)`),
    ]
  })
}
