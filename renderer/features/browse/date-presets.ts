// Ready-made date ranges for resources with a from/to window (recordings, reports): the last 7,
// 30 or 90 days, this month, last month and last quarter, in UTC days as Zoom reads these dates.
import { formatIsoDate } from '../../../common/zoom/date-windows'

export interface DatePreset {
  id: 'last7' | 'last30' | 'last90' | 'thisMonth' | 'lastMonth' | 'lastQuarter'
  label: string
  /** yyyy-mm-dd, inclusive. */
  from: string
  to: string
}

const DAY_MS = 86_400_000

export function datePresets(now: number): DatePreset[] {
  const today = new Date(now)
  const y = today.getUTCFullYear()
  const m = today.getUTCMonth()
  const end = formatIsoDate(now)
  const daysBack = (n: number) => formatIsoDate(now - (n - 1) * DAY_MS)
  // The first month of this calendar quarter (0, 3, 6 or 9): an audit asks for the quarter before it,
  // which "Last 90 days" only approximates.
  const quarterStart = m - (m % 3)
  return [
    { id: 'last7', label: 'Last 7 days', from: daysBack(7), to: end },
    { id: 'last30', label: 'Last 30 days', from: daysBack(30), to: end },
    { id: 'last90', label: 'Last 90 days', from: daysBack(90), to: end },
    { id: 'thisMonth', label: 'This month', from: formatIsoDate(Date.UTC(y, m, 1)), to: end },
    // Day 0 of this month is the last day of the previous one.
    { id: 'lastMonth', label: 'Last month', from: formatIsoDate(Date.UTC(y, m - 1, 1)), to: formatIsoDate(Date.UTC(y, m, 0)) },
    // Date.UTC carries a negative month into the year before (January's last quarter is October to December).
    { id: 'lastQuarter', label: 'Last quarter', from: formatIsoDate(Date.UTC(y, quarterStart - 3, 1)), to: formatIsoDate(Date.UTC(y, quarterStart, 0)) },
  ]
}

/** The range a dated resource starts with: the last 30 days (Zoom's own default, today, is rarely what is wanted). */
export function initialDateRange(now: number): Pick<DatePreset, 'from' | 'to'> {
  const preset = datePresets(now).find((p) => p.id === 'last30')!
  return { from: preset.from, to: preset.to }
}

/** The names of a list's date range parameters. */
export interface DateRangeParams {
  from: string
  to: string
  /** The list starts on the last 30 days: ours with a date window, or one Zoom answers only with dates. */
  startFilled: boolean
}

/**
 * Where the presets apply: a list with a date window of ours (recordings, reports), else one whose
 * query takes dates `from` and `to` (Meetings, and lists of Zoom's files such as a user's meeting
 * report), which is how Zoom names a date range throughout its API.
 */
export function dateRangeParams(resource: { dateWindow?: { from: string; to: string }; params: readonly { name: string; type: string; required?: boolean }[] }): DateRangeParams | undefined {
  if (resource.dateWindow) return { from: resource.dateWindow.from, to: resource.dateWindow.to, startFilled: true }
  const from = resource.params.find((p) => p.name === 'from' && p.type === 'date')
  const to = resource.params.find((p) => p.name === 'to' && p.type === 'date')
  return from && to ? { from: from.name, to: to.name, startFilled: from.required === true || to.required === true } : undefined
}
