// Runs in a worker thread for background-threads.test.ts: the thread first gives itself the nice
// value the test names (as a process started with `nice -n 15` would hand to every thread it
// creates), then asks for the background priority, and reports its nice value before and after.
import { getPriority, setPriority } from 'node:os'
import { parentPort, workerData } from 'node:worker_threads'
import { linuxThreadId, runAsBackgroundThread } from '../../../main/threads/thread-priority'

const threadId = linuxThreadId()
if (threadId === undefined) throw new Error('the probe runs on Linux, in a thread of its own')
// At least the value named; never raised (a run under `nice -n 19` stays there).
setPriority(threadId, Math.max(getPriority(threadId), (workerData as { nice: number }).nice))
const before = getPriority(threadId)
runAsBackgroundThread()
parentPort?.postMessage({ before, after: getPriority(threadId) })
