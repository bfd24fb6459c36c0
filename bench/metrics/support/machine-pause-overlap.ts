// A pause of the whole machine is a stretch in which no CPU ran anything of the guest: every CPU's
// spinner saw its clock jump with no switch to another task. A stretch seen on one CPU alone may
// be an interrupt handler run there; on all CPUs at once, only the host (or a guest with every
// CPU's interrupts off) stops them together.

/** A stretch of time, [start, end) in milliseconds on one monotonic clock. */
export type Stretch = readonly [start: number, end: number]

/** The stretches in which every list has a stretch running, clipped to `window`. */
export function everywhereAtOnce(perCpu: readonly (readonly Stretch[])[], window: Stretch): Stretch[] {
  if (perCpu.length === 0) return []
  let common: Stretch[] = [window]
  for (const stretches of perCpu) {
    const sorted = [...stretches].sort((a, b) => a[0] - b[0])
    const next: Stretch[] = []
    for (const [a0, a1] of common) {
      for (const [b0, b1] of sorted) {
        const start = Math.max(a0, b0)
        const end = Math.min(a1, b1)
        if (end > start) next.push([start, end])
      }
    }
    common = next
  }
  return common.sort((a, b) => a[0] - b[0])
}

export interface PauseSummary {
  count: number
  longestMs: number
  totalMs: number
}

/** How many stretches last at least `minimumMs`, the longest and their sum. */
export function summarisePauses(stretches: readonly Stretch[], minimumMs: number): PauseSummary {
  const lengths = stretches.map(([start, end]) => end - start).filter((ms) => ms >= minimumMs)
  return { count: lengths.length, longestMs: Math.max(0, ...lengths), totalMs: lengths.reduce((sum, ms) => sum + ms, 0) }
}
