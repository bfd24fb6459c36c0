// A child process for collector-helpers.test.ts: applies main's start-up setting for the collector
// and prints every thread of the process with its name and nice value (the last line of its
// output), and the helpers the setting reported lowered.
import { getPriority } from 'node:os'
import { linuxProcessThreads } from '../../../main/data/datasets/store/background-thread'
import { readFileSync } from 'node:fs'
import { keepBufferCollectionCheap } from '../../../main/young-generation'

const lowered = keepBufferCollectionCheap()
const threads = (linuxProcessThreads() ?? []).map((threadId) => ({
  threadId,
  name: readFileSync(`/proc/self/task/${threadId}/comm`, 'utf8').trim(),
  nice: getPriority(threadId),
}))
process.stdout.write(JSON.stringify({ pid: process.pid, lowered, threads }))
