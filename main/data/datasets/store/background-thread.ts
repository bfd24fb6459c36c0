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
import { readdirSync, readFileSync, readlinkSync } from 'node:fs'
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

/** The name Node's V8 platform gives its threads (src/node_platform.cc), Electron's main process included. */
const V8_HELPER_THREAD_NAME = 'V8Worker'

/** This process's threads, listed by /proc on Linux; undefined elsewhere or without /proc. */
export function linuxProcessThreads(): number[] | undefined {
  if (process.platform !== 'linux') return undefined
  try {
    return readdirSync('/proc/self/task').map(Number).filter((id) => Number.isInteger(id) && id > 0)
  } catch {
    return undefined
  }
}

function threadName(threadId: number): string | undefined {
  try {
    return readFileSync(`/proc/self/task/${threadId}/comm`, 'utf8').trim()
  } catch {
    return undefined
  }
}

/**
 * Lowers V8's helper threads to BACKGROUND_NICE, on Linux. They do the collector's concurrent
 * and parallel work (marking, sweeping, compacting) and compile optimised code, for every isolate
 * of the process: main's and each data thread's. Started with main's priority, they let a data
 * thread's bulk work escape its lower priority, and main queued behind them: in a ten-million-row
 * crawl, main's longest waits for a core (11–16 ms) were spent behind four helpers taking turns
 * of a scheduler tick each, during the concurrent marking of a full collection. Lowered, they
 * yield to main as the data threads do. Returns the helpers that now run at BACKGROUND_NICE or
 * lower (none where not Linux).
 */
export function runCollectorHelpersInBackground(): number[] {
  const lowered: number[] = []
  for (const threadId of linuxProcessThreads() ?? []) {
    if (threadName(threadId) !== V8_HELPER_THREAD_NAME) continue
    try {
      // As for a data thread: one already lower keeps its own.
      if (getPriority(threadId) < BACKGROUND_NICE) setPriority(threadId, BACKGROUND_NICE)
      lowered.push(threadId)
    } catch {
      // A thread that ended since the listing, or a priority the process may not set: left as it is.
    }
  }
  return lowered
}
