// The sandbox stands in for Zoom's servers, which run on other machines: on a person's laptop none
// of the app's cores go to them. On a bench machine of two cores the sandbox took them at the app's
// own priority, and the app's main thread queued behind it. Traced with `perf sched` during a
// million-row crawl: main waited over 3 ms for a core 1,047 times in 30 s (4.2 s in all); the
// sandbox's main thread and its collector's helpers held a core for 4.5 s of those waits. With
// every thread of the sandbox at the lowest priority and its collector on one thread, main waited
// so 110 to 193 times in 25 s (0.4 to 0.7 s). The sandbox then serves with the cores the app
// leaves it: the figures measure the app, not a contest with its stand-in server.
import { constants, setPriority } from 'node:os'
import { linuxProcessThreads } from '../../../main/threads/thread-priority'

/** What the process runs at: `lowest`, or `unchanged` where it could not be done for every thread (some may have been lowered). */
export type SandboxPriority = 'lowest' | 'unchanged'

/**
 * Lowers every thread of this process to the lowest priority. Linux keeps a priority per thread
 * (set through the thread's id, and inherited by threads started later from the one that starts
 * them), so each thread running now is lowered; elsewhere the priority belongs to the process.
 */
export function yieldCoresToOthers(): SandboxPriority {
  const lowest = constants.priority.PRIORITY_LOW
  const threads = linuxProcessThreads()
  // On Linux without /proc, the process's priority is only its first thread's.
  if (threads === undefined && process.platform === 'linux') return 'unchanged'
  if (threads === undefined) {
    try {
      setPriority(lowest)
    } catch {
      return 'unchanged'
    }
    return 'lowest'
  }
  for (const threadId of threads) {
    try {
      setPriority(threadId, lowest)
    } catch (error) {
      // A thread that ended since the listing has nothing left to lower.
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') return 'unchanged'
    }
  }
  return 'lowest'
}
