// A controllable clock: tests expire tokens, codes and page tokens with advanceClock()
// instead of sleeping.
export interface Clock {
  now(): number
  advance(ms: number): void
}

export function createClock(base: () => number = Date.now): Clock {
  let offset = 0
  return {
    now: () => base() + offset,
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advanceClock takes a non-negative number of ms')
      offset += ms
    },
  }
}

export const DAY_MS = 86_400_000

export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'))

/**
 * `yyyy-mm-ddTHH:MM:SSZ`, Zoom's date-time format (no milliseconds). Hand-rolled (Hinnant's
 * civil-from-days) because user pages format three dates per user and Date is 3x slower.
 */
export function isoSeconds(ms: number): string {
  const secs = Math.floor(ms / 1000)
  const days = Math.floor(secs / 86_400)
  const rem = secs - days * 86_400
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  const hh = Math.floor(rem / 3600)
  const mm = Math.floor((rem - hh * 3600) / 60)
  const ss = rem - hh * 3600 - mm * 60
  return `${year}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T${TWO_DIGITS[hh]}:${TWO_DIGITS[mm]}:${TWO_DIGITS[ss]}Z`
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** Parses `yyyy-mm-dd` as UTC midnight; undefined when malformed. */
export function parseIsoDate(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined
  const ms = Date.parse(`${text}T00:00:00Z`)
  return Number.isNaN(ms) ? undefined : ms
}
