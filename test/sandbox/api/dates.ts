// Date windows of the recordings, reports and call-history endpoints and of the generated lists
// whose from/to are dates: yyyy-mm-dd (or a UTC date-time), at most one month long unless the
// list states no limit, not older than six months where Zoom says so; each refusal names its
// fault so a list can answer it with the error its own file documents.
import { DAY_MS, isoDate, parseIsoDate, startOfUtcDay } from '../clock'
import { type ApiResponse, zoomError } from './responses'

export interface DateWindow {
  from: string
  to: string
  fromMs: number
  /** Exclusive: the end of the `to` day. */
  toMs: number
}

export interface WindowRules {
  now: number
  defaultFrom: number
  defaultTo: number
  /** Reject windows starting more than six months ago. */
  lastSixMonths?: boolean
  /** Both dates are required. */
  required?: boolean
  /** Accept yyyy-MM-ddTHH:mm:ssZ too (call history). */
  dateTimes?: boolean
  /** Shorten a longer window to one month instead of refusing it. */
  clampToMonth?: boolean
  /** Zoom Phone uses error code 400 where the others use 300. */
  errorCode?: number
  /** No limit on the window's length (a list whose file states none). */
  unbounded?: boolean
  /**
   * The answer to a refused window, where the endpoint documents its own (or the sandbox cannot
   * say what Zoom answers); by default Zoom's 400 with `errorCode` and the message given.
   */
  refuse?: (fault: WindowFault, message: string) => ApiResponse
}

/** Why a window is refused. */
export type WindowFault = 'required' | 'format' | 'order' | 'too-long' | 'too-old'

export function addMonths(ms: number, months: number): number {
  const d = new Date(ms)
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate())
}

function parse(text: string, dateTimes: boolean): number | undefined {
  if (dateTimes && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(text)) return startOfUtcDay(Date.parse(text))
  return parseIsoDate(text)
}

export function dateWindow(query: URLSearchParams, rules: WindowRules): { ok: true; window: DateWindow } | { ok: false; response: ApiResponse } {
  const code = rules.errorCode ?? 300
  const fail = (message: string, fault: WindowFault) => ({ ok: false as const, response: rules.refuse?.(fault, message) ?? zoomError(400, code, message) })
  const fromText = query.get('from')
  const toText = query.get('to')
  if (rules.required === true && (fromText === null || toText === null || fromText === '' || toText === '')) {
    return fail('The from and to parameters are required.', 'required')
  }
  const fromMs = fromText === null || fromText === '' ? rules.defaultFrom : parse(fromText, rules.dateTimes === true)
  let toDay = toText === null || toText === '' ? rules.defaultTo : parse(toText, rules.dateTimes === true)
  if (fromMs === undefined) return fail(`Invalid field: from ${fromText ?? ''}.`, 'format')
  if (toDay === undefined) return fail(`Invalid field: to ${toText ?? ''}.`, 'format')
  if (toDay < fromMs) return fail('The to date must be later than or equal to the from date.', 'order')
  if (rules.unbounded !== true && toDay > addMonths(fromMs, 1)) {
    if (rules.clampToMonth !== true) return fail('The date range between from and to cannot exceed one month.', 'too-long')
    toDay = addMonths(fromMs, 1)
  }
  if (rules.lastSixMonths === true && fromMs < addMonths(startOfUtcDay(rules.now), -6)) {
    return fail('You can only query data from the last 6 months.', 'too-old')
  }
  return { ok: true, window: { from: isoDate(fromMs), to: isoDate(toDay), fromMs, toMs: toDay + DAY_MS } }
}
