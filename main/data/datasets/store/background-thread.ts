// The dataset threads do bulk work — a crawl's inserts, a sort or a filter over millions of rows,
// an export — while main's event loop carries every request of the app. Where there are fewer
// cores than busy threads, the scheduler shares them evenly among the threads that are ready, so
// main waited its turn behind bulk work and every bridge call with it. A dataset thread therefore
// asks for a lower priority for itself, as a browser runs its background threads: when main and
// a dataset thread are both ready, main runs first; when main is idle, the thread has the core.
//
// Linux keeps a nice value per thread, set through the thread's id; a thread may lower its own
// priority without privileges. Elsewhere a priority belongs to the whole process, which holds main
// too, so nothing is changed there.
import { readlinkSync } from 'node:fs'
import { constants, getPriority, setPriority } from 'node:os'

/** The nice value asked for: Node's "below normal". */
export const BACKGROUND_NICE = constants.priority.PRIORITY_BELOW_NORMAL

/**
 * The calling thread's own id on Linux (which Node does not expose otherwise), from
 * /proc/thread-self ("<pid>/task/<tid>"); undefined without one, or where that /proc belongs to
 * another pid namespace (it would name some other thread).
 */
export function linuxThreadId(): number | undefined {
  if (process.platform !== 'linux') return undefined
  let link: string
  try {
    link = readlinkSync('/proc/thread-self')
  } catch {
    return undefined
  }
  const [pid, , tid] = link.split('/')
  const threadId = Number(tid)
  if (Number(pid) !== process.pid || !Number.isInteger(threadId) || threadId <= 0) return undefined
  return threadId
}

/**
 * Lowers the calling thread's priority to BACKGROUND_NICE. Returns the thread's id once it runs
 * there or lower, or undefined where it cannot be done for one thread alone (not Linux, no /proc,
 * the main thread).
 */
export function runAsBackgroundThread(): number | undefined {
  const threadId = linuxThreadId()
  // The process's id is main's thread: lowering it would lower main.
  if (threadId === undefined || threadId === process.pid) return undefined
  try {
    // A thread already lower (the app was started with a higher nice value, which every thread
    // inherits) keeps its own: setting the value would raise it above main's, where the process
    // is allowed to raise priorities (root, CAP_SYS_NICE, a generous RLIMIT_NICE).
    if (getPriority(threadId) < BACKGROUND_NICE) setPriority(threadId, BACKGROUND_NICE)
  } catch {
    return undefined
  }
  return threadId
}
