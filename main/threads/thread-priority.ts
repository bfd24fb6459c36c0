// Threads of bulk work run below main's priority.
//
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
 * Lowers a thread of this process to BACKGROUND_NICE, unless it runs there or lower already (the
 * app was started with a higher nice value, which every thread inherits): setting the value would
 * raise it above main's, where the process may raise priorities (root, CAP_SYS_NICE, a generous
 * RLIMIT_NICE). False where the thread's priority could not be read or set.
 */
function lowerToBackground(threadId: number): boolean {
  try {
    if (getPriority(threadId) < BACKGROUND_NICE) setPriority(threadId, BACKGROUND_NICE)
    return true
  } catch {
    return false
  }
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
  return lowerToBackground(threadId) ? threadId : undefined
}

/** The name Node's V8 platform gives its threads (src/node_platform.cc), Electron's main process included. */
const V8_HELPER_THREAD_NAME = 'V8Worker'

/**
 * This process's threads, listed by /proc on Linux; undefined elsewhere, without /proc, or where
 * that /proc belongs to another pid namespace (its ids would name other threads).
 */
export function linuxProcessThreads(): number[] | undefined {
  if (process.platform !== 'linux') return undefined
  try {
    if (readlinkSync('/proc/self') !== String(process.pid)) return undefined
    return readdirSync('/proc/self/task').map(Number).filter((id) => Number.isInteger(id) && id > 0)
  } catch {
    return undefined
  }
}

/** A thread's name (Linux's `comm`), or undefined when it cannot be read (it ended, no /proc). */
export function threadName(threadId: number): string | undefined {
  try {
    return readFileSync(`/proc/self/task/${threadId}/comm`, 'utf8').trim()
  } catch {
    return undefined
  }
}

/**
 * Lowers V8's helper threads to BACKGROUND_NICE, on Linux. They do the collector's concurrent and
 * parallel work (marking, sweeping, compacting) and compile optimised code for every isolate of
 * the process, main's and each data thread's. Left at main's priority, they let a data thread's
 * bulk work escape its lower priority, and main queued behind them: in a ten-million-row crawl,
 * main's longest waits for a core (11–16 ms) were spent behind four helpers taking turns of a
 * scheduler tick each, during a full collection's concurrent marking. Lowered, they yield to main
 * as the data threads do.
 *
 * The price is paid where main waits for a helper: a full collection's pause joins the helpers
 * still marking or compacting, and a helper lowered may wait for a core first. Measured over a
 * million-row crawl (--trace-gc-nvp): main's full collections paused 2.8–5.3 ms with the helpers
 * lowered and 6.3–9.5 ms without; main's scavenges run on main alone (--no-parallel-scavenge).
 *
 * Node starts its helpers before any JavaScript runs, so lowering them once at start-up covers
 * them all. Returns the helpers now at BACKGROUND_NICE or lower (none where not Linux).
 */
export function runCollectorHelpersInBackground(): number[] {
  return (linuxProcessThreads() ?? []).filter((threadId) => threadName(threadId) === V8_HELPER_THREAD_NAME && lowerToBackground(threadId))
}
