import { describe, expect, it } from 'vitest'
import { everywhereAtOnce, summarisePauses } from '../../bench/metrics/support/machine-pause-overlap'

describe('everywhereAtOnce', () => {
  it('keeps only the time every CPU was stopped, within the window', () => {
    const cpu0 = [[100, 120], [300, 310]] as const
    const cpu1 = [[105, 125], [200, 230]] as const
    expect(everywhereAtOnce([cpu0, cpu1], [0, 1000])).toEqual([[105, 120]])
  })

  it('clips stretches to the window and reads unsorted lists', () => {
    const cpu0 = [[950, 1010], [10, 30]] as const
    const cpu1 = [[0, 2000]] as const
    expect(everywhereAtOnce([cpu0, cpu1], [20, 1000])).toEqual([[20, 30], [950, 1000]])
  })

  it('finds nothing when one CPU never stopped, or with no CPUs', () => {
    expect(everywhereAtOnce([[[0, 50]], []], [0, 100])).toEqual([])
    expect(everywhereAtOnce([], [0, 100])).toEqual([])
  })

  it('joins stretches of one CPU that touch or overlap, so one pause is not cut into pieces', () => {
    const cpu0 = [[10, 11.5], [11.5, 13]] as const
    const cpu1 = [[9, 12], [11, 14]] as const
    const common = everywhereAtOnce([cpu0, cpu1], [0, 100])
    expect(common).toEqual([[10, 13]])
    expect(summarisePauses(common, 2)).toEqual({ count: 1, longestMs: 3, totalMs: 3 })
  })

  it('splits an overlap across several stretches of another CPU', () => {
    expect(everywhereAtOnce([[[0, 100]], [[10, 20], [40, 60]], [[15, 50]]], [0, 100])).toEqual([[15, 20], [40, 50]])
  })
})

describe('summarisePauses', () => {
  it('counts, sums and takes the longest of the stretches long enough', () => {
    expect(summarisePauses([[0, 4], [10, 22], [30, 37]], 5)).toEqual({ count: 2, longestMs: 12, totalMs: 19 })
  })

  it('is zero with none', () => {
    expect(summarisePauses([], 5)).toEqual({ count: 0, longestMs: 0, totalMs: 0 })
  })
})
