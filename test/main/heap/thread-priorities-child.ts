// A child process for collector-helpers.test.ts: lowers V8's helper threads as main does at
// start-up, and prints every thread of the process with its name and nice value, and the helpers
// reported lowered (the last line of its output).
import { getPriority } from 'node:os'
import { linuxProcessThreads, runCollectorHelpersInBackground, threadName } from '../../../main/threads/thread-priority'

const lowered = runCollectorHelpersInBackground()
const threads = (linuxProcessThreads() ?? []).map((threadId) => ({ threadId, name: threadName(threadId), nice: getPriority(threadId) }))
process.stdout.write(JSON.stringify({ pid: process.pid, lowered, threads }))
