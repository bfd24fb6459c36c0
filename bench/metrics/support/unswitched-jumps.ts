// The loop of the pause spinner, with its clock and its context-switch counter passed in (so tests
// can drive both). It records each jump of the clock of `thresholdMs` or more across which the
// counter did not move: time the spinner was neither running nor switched out for another task.

export interface JumpWatch {
  /** A monotonic clock, ms. */
  now: () => number
  /** Context switches so far (voluntary and involuntary). */
  switches: () => number
  /** Until when to watch (a reading of `now`). */
  until: number
  thresholdMs: number
  /** How often the counter is read again when the clock does not jump. */
  refreshMs: number
  /** Called once the watch has begun (its first interval is open). */
  onWatching?: () => void
}

export interface Jumps {
  /** [start, end] of each jump, on the watch's clock. */
  stretches: [number, number][]
  /** From the first reading to the last: the stretch the watch covered. */
  covered: [number, number]
}

export function unswitchedJumps(watch: JumpWatch): Jumps {
  const stretches: [number, number][] = []
  // The counter is always read before the clock reading that opens an interval: a switch that
  // lands between the two is then in the interval's count, never hidden in its baseline.
  let counted = watch.switches()
  let previous = watch.now()
  const first = previous
  let countedAt = previous
  watch.onWatching?.()
  for (;;) {
    const at = watch.now()
    if (at - previous >= watch.thresholdMs) {
      if (watch.switches() === counted) stretches.push([previous, at])
    } else if (at - countedAt < watch.refreshMs) {
      previous = at
      if (at >= watch.until) return { stretches, covered: [first, at] }
      continue
    }
    if (at >= watch.until) return { stretches, covered: [first, at] }
    counted = watch.switches()
    previous = watch.now()
    countedAt = previous
  }
}
