import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { daysInclusive, formatIsoDate, parseIsoDate, splitCalendarMonths, splitDateWindows } from '../../../common/zoom/date-windows'

describe('splitDateWindows', () => {
  it('splits a range into consecutive, inclusive windows of at most maxDays', () => {
    expect(splitDateWindows('2026-01-01', '2026-03-05', 30)).toEqual([
      { from: '2026-01-01', to: '2026-01-30' },
      { from: '2026-01-31', to: '2026-03-01' },
      { from: '2026-03-02', to: '2026-03-05' },
    ])
    expect(splitDateWindows('2026-02-10', '2026-02-10', 30)).toEqual([{ from: '2026-02-10', to: '2026-02-10' }])
  })

  it('refuses reversed ranges and non-dates', () => {
    expect(() => splitDateWindows('2026-02-10', '2026-02-01', 30)).toThrow(RangeError)
    expect(() => splitDateWindows('2026-02-30', '2026-03-01', 30)).toThrow(RangeError)
    expect(() => splitDateWindows('2026-2-1', '2026-03-01', 30)).toThrow(RangeError)
  })

  it('covers every day exactly once (property)', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => formatIsoDate(Date.UTC(2020, 0, 1) + n * 86_400_000))
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 62 }), (from, span, maxDays) => {
        const to = formatIsoDate(parseIsoDate(from) + span * 86_400_000)
        const windows = splitDateWindows(from, to, maxDays)
        expect(windows[0]?.from).toBe(from)
        expect(windows.at(-1)?.to).toBe(to)
        let total = 0
        windows.forEach((w, i) => {
          const days = daysInclusive(w.from, w.to)
          expect(days).toBeGreaterThanOrEqual(1)
          expect(days).toBeLessThanOrEqual(maxDays)
          total += days
          if (i > 0) expect(parseIsoDate(w.from) - parseIsoDate(windows[i - 1]!.to)).toBe(86_400_000)
        })
        expect(total).toBe(span + 1)
      }),
    )
  })
})

describe('splitCalendarMonths', () => {
  it('splits a range at the first of each month, the ends partial', () => {
    expect(splitCalendarMonths('2026-07-01', '2026-09-30')).toEqual([
      { from: '2026-07-01', to: '2026-07-31' },
      { from: '2026-08-01', to: '2026-08-31' },
      { from: '2026-09-01', to: '2026-09-30' },
    ])
    expect(splitCalendarMonths('2024-01-15', '2024-03-02')).toEqual([
      { from: '2024-01-15', to: '2024-01-31' },
      { from: '2024-02-01', to: '2024-02-29' },
      { from: '2024-03-01', to: '2024-03-02' },
    ])
    expect(splitCalendarMonths('2026-12-31', '2027-01-01')).toEqual([
      { from: '2026-12-31', to: '2026-12-31' },
      { from: '2027-01-01', to: '2027-01-01' },
    ])
    expect(() => splitCalendarMonths('2026-02-10', '2026-02-01')).toThrow(RangeError)
  })

  it('covers every day exactly once, each window inside one calendar month (property)', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => formatIsoDate(Date.UTC(2020, 0, 1) + n * 86_400_000))
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (from, span) => {
        const to = formatIsoDate(parseIsoDate(from) + span * 86_400_000)
        const windows = splitCalendarMonths(from, to)
        expect(windows[0]?.from).toBe(from)
        expect(windows.at(-1)?.to).toBe(to)
        let total = 0
        windows.forEach((w, i) => {
          expect(w.from.slice(0, 7)).toBe(w.to.slice(0, 7))
          if (i > 0) expect([w.from.slice(8), parseIsoDate(w.from) - parseIsoDate(windows[i - 1]!.to)]).toEqual(['01', 86_400_000])
          total += daysInclusive(w.from, w.to)
        })
        expect(total).toBe(span + 1)
      }),
    )
  })
})
