// A pause of the whole machine is a stretch in which every CPU's spinner saw its clock jump without
// being switched out. One CPU alone may be in interrupt work; every CPU at once points to the host
// not running the guest (the perf trace in machine-pauses.ts shows it), though interrupt work on
// every CPU at the same time would look the same.

/** A stretch of time, [start, end) in milliseconds on monotonicMs's clock. */
export type Stretch = readonly [start: number, end: number]

/** CLOCK_MONOTONIC in milliseconds: one clock for every process of the machine, so their stretches compare. */
export const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6

/** Sorted, with stretches that overlap or touch joined into one. */
function joined(stretches: readonly Stretch[]): Stretch[] {
  const sorted = [...stretches].sort((a, b) => a[0] - b[0])
  const out: [number, number][] = []
  for (const [start, end] of sorted) {
    const last = out[out.length - 1]
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else out.push([start, end])
  }
  return out
}

/** Where two sorted lists of disjoint stretches overlap (one pass over both). */
function overlap(a: readonly Stretch[], b: readonly Stretch[]): Stretch[] {
  const out: Stretch[] = []
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const start = Math.max(a[i]![0], b[j]![0])
    const end = Math.min(a[i]![1], b[j]![1])
    if (end > start) out.push([start, end])
    if (a[i]![1] < b[j]![1]) i++
    else j++
  }
  return out
}

/**
 * The stretches in which every list has a stretch running, clipped to `window`. A spinner's jumps
 * can touch end to start (one pause seen as two readings apart): they are joined first, so a pause
 * is not cut into pieces each under a threshold.
 */
export function everywhereAtOnce(perCpu: readonly (readonly Stretch[])[], window: Stretch): Stretch[] {
  if (perCpu.length === 0) return []
  return perCpu.reduce<Stretch[]>((common, stretches) => overlap(common, joined(stretches)), [window])
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
