// Where the longest gap of main's event loop went. A 1 ms timer on main (as monitorEventLoopDelay
// has) reads Linux's schedstat of main's thread at each tick: the time it ran, and the time it
// waited for a core, since the last tick. The rest of a gap main was neither: asleep past its
// timer (the timer's interrupt came late) or blocked in a call. On a virtual machine that does
// not report stolen time, a stop of the CPU by the host while main was on it counts as running.

import { closeSync, openSync, readSync } from 'node:fs'

export interface GapSplit {
  /** From one tick to the next, ms. */
  gapMs: number
  ranMs: number
  waitedMs: number
  /** Neither running nor waiting for a core. */
  elsewhereMs: number
  /** When the gap began, ms after the watch started. */
  atMs: number
}

export interface LoopGapWatch {
  /** Stops the watch: its longest gap (undefined when no tick came). */
  stop(): GapSplit | undefined
}

/** Watches the calling thread's event loop; undefined where schedstat cannot be read (not Linux). */
export function watchLoopGaps(): LoopGapWatch | undefined {
  let fd: number
  try {
    fd = openSync('/proc/thread-self/schedstat', 'r')
  } catch {
    return undefined
  }
  const buffer = Buffer.alloc(128)
  // One open file read again from its start: no open and close on main at every tick.
  const read = () => {
    const [run, wait] = buffer.toString('latin1', 0, readSync(fd, buffer, 0, buffer.length, 0)).split(' ').map(Number)
    return { run: run!, wait: wait! }
  }
  const started = performance.now()
  let last = started
  let lastTimes = read()
  let longest: GapSplit | undefined
  const timer = setInterval(() => {
    const now = performance.now()
    const times = read()
    const gapMs = now - last
    if (longest === undefined || gapMs > longest.gapMs) {
      const ranMs = (times.run - lastTimes.run) / 1e6
      const waitedMs = (times.wait - lastTimes.wait) / 1e6
      longest = { gapMs, ranMs, waitedMs, elsewhereMs: Math.max(0, gapMs - ranMs - waitedMs), atMs: last - started }
    }
    last = now
    lastTimes = times
  }, 1)
  return {
    stop() {
      clearInterval(timer)
      closeSync(fd)
      return longest
    },
  }
}
