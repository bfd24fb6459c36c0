// Runs in a worker thread for background-threads.test.ts: the thread first gives itself the nice
// value the test names (as a process started with `nice -n 15` would hand to every thread it
// creates), then asks for the background priority, and reports its nice value before and after.
import { readlinkSync } from 'node:fs'
import { getPriority, setPriority } from 'node:os'
import { parentPort, workerData } from 'node:worker_threads'
import { runAsBackgroundThread } from '../../../main/data/datasets/store/background-thread'

const threadId = Number(readlinkSync('/proc/thread-self').split('/').at(-1))
// At least the value named; never raised (a run under `nice -n 19` stays there).
setPriority(threadId, Math.max(getPriority(threadId), (workerData as { nice: number }).nice))
const before = getPriority(threadId)
runAsBackgroundThread()
parentPort?.postMessage({ before, after: getPriority(threadId) })
