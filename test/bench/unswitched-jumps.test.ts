import { describe, expect, it } from 'vitest'
import { unswitchedJumps } from '../../bench/metrics/support/unswitched-jumps'

/** A clock that steps by `stepMs`, jumping by `jumps[t]` at reading t; a counter that moves at the readings in `switchAt`. */
function scripted(options: { stepMs: number; jumps?: Record<number, number>; switchesBeforeClockReading?: number[] }) {
  let t = 0
  let clockReads = 0
  let switches = 0
  const switchAt = new Set(options.switchesBeforeClockReading ?? [])
  return {
    now: () => {
      clockReads++
      if (switchAt.has(clockReads)) switches++
      t += options.stepMs + (options.jumps?.[clockReads] ?? 0)
      return t
    },
    switches: () => switches,
  }
}

const watch = { until: 50, thresholdMs: 2, refreshMs: 0.5 }

describe('unswitchedJumps', () => {
  it('records a jump across which the process was not switched out', () => {
    const { stretches, covered } = unswitchedJumps({ ...scripted({ stepMs: 0.1, jumps: { 20: 10 } }), ...watch })
    expect(stretches).toHaveLength(1)
    expect(stretches[0]![1] - stretches[0]![0]).toBeCloseTo(10.1, 5)
    expect(covered[1]).toBeGreaterThanOrEqual(50)
  })

  it('does not record a jump across which it was switched out', () => {
    const { stretches } = unswitchedJumps({ ...scripted({ stepMs: 0.1, jumps: { 20: 10 }, switchesBeforeClockReading: [20] }), ...watch })
    expect(stretches).toEqual([])
  })

  it('does not count a switch between a clock reading and the counter read after it as a jump', () => {
    // Reading 6 finds the counter due for a refresh; the process is switched out right after it
    // (the counter moves) and the time away shows at reading 7. An interval opened at reading 6
    // would span that time with the refreshed (already moved) count: a pause that never was.
    const clock = scripted({ stepMs: 0.1, jumps: { 7: 10 }, switchesBeforeClockReading: [6] })
    expect(unswitchedJumps({ ...clock, ...watch }).stretches).toEqual([])
  })

  it('records nothing when the clock never jumps', () => {
    expect(unswitchedJumps({ ...scripted({ stepMs: 0.1 }), ...watch }).stretches).toEqual([])
  })
})
