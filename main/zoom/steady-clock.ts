// Pacing measures intervals, and an interval must not be made longer by the wall clock being set
// back (an NTP correction, a machine resumed from sleep with a drifted clock): a limiter whose
// next slot lay five minutes "ahead" would hold every request, or refuse it as if a daily cap were
// used up. This clock follows the wall clock forward and never goes back: a step back is added to
// an offset, so time resumes from where it was. Days and dates (daily caps, Retry-After) still
// read the wall clock.

export interface SteadyClock {
  /** Milliseconds: the wall clock plus every step back it took so far; never less than before. */
  now(): number
  /** A time read from the wall clock, on this clock (for a time the wall clock gave meanwhile). */
  fromWall(wallMs: number): number
}

export function steadyClock(wall: () => number): SteadyClock {
  let offset = 0
  let last = -Infinity
  return {
    now() {
      const t = wall() + offset
      if (t >= last) return (last = t)
      offset += last - t
      return last
    },
    fromWall: (wallMs) => wallMs + offset,
  }
}
