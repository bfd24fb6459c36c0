// Zoom caps some date ranges per request (cloud recordings: one month). A longer range is fetched
// as consecutive windows; the windows are inclusive and never overlap, so no row is asked twice.

export interface DateWindow {
  /** yyyy-mm-dd, inclusive. */
  from: string
  /** yyyy-mm-dd, inclusive. */
  to: string
}

const DAY_MS = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Milliseconds since the epoch of a yyyy-mm-dd date at 00:00 UTC; throws on anything else. */
export function parseIsoDate(value: string): number {
  const m = ISO_DATE.exec(value)
  if (!m) throw new RangeError(`Not a yyyy-mm-dd date: ${value}`)
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const ms = Date.UTC(y, mo - 1, d)
  const back = new Date(ms)
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) throw new RangeError(`Not a calendar date: ${value}`)
  return ms
}

export function formatIsoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

// Zoom caps some ranges at "one month". February makes a month as short as 28 days, so windows
// of 28 days (to = from + 27) are within one month whatever the start date.
export const ONE_MONTH_DAYS = 28

/**
 * Splits the inclusive range `from`..`to` into consecutive windows of at most `maxDays` calendar
 * days each, oldest first. `from` after `to` is a RangeError.
 */
export function splitDateWindows(from: string, to: string, maxDays: number): DateWindow[] {
  if (!Number.isInteger(maxDays) || maxDays < 1) throw new RangeError('maxDays must be a positive integer')
  const start = parseIsoDate(from)
  const end = parseIsoDate(to)
  if (start > end) throw new RangeError(`The start date ${from} is after the end date ${to}`)
  const windows: DateWindow[] = []
  for (let a = start; a <= end; a += maxDays * DAY_MS) {
    const b = Math.min(a + (maxDays - 1) * DAY_MS, end)
    windows.push({ from: formatIsoDate(a), to: formatIsoDate(b) })
  }
  return windows
}

/**
 * Splits the inclusive range `from`..`to` at the first of each month: one window per calendar
 * month it touches (the first and last may be partial), oldest first. Each lies within one month,
 * so it is inside any "one month" limit. For lists whose rows are totals per window, where the
 * windows are what the person reads (July, August, September), not only how the range was asked.
 * `from` after `to` is a RangeError.
 */
export function splitCalendarMonths(from: string, to: string): DateWindow[] {
  const start = parseIsoDate(from)
  const end = parseIsoDate(to)
  if (start > end) throw new RangeError(`The start date ${from} is after the end date ${to}`)
  const windows: DateWindow[] = []
  for (let a = start; a <= end; ) {
    const day = new Date(a)
    const nextMonth = Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 1)
    const b = Math.min(nextMonth - DAY_MS, end)
    windows.push({ from: formatIsoDate(a), to: formatIsoDate(b) })
    a = nextMonth
  }
  return windows
}

/** Calendar days in the inclusive range. */
export function daysInclusive(from: string, to: string): number {
  return Math.round((parseIsoDate(to) - parseIsoDate(from)) / DAY_MS) + 1
}
