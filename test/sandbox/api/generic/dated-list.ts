// The generated lists whose operation takes `from` and `to` as dates (yyyy-mm-dd): each row gets
// a day in the six months the sandbox pretends to have data for, and a request answers only the
// rows of its window, inclusive at both ends, days counted in UTC (the files say "UTC" or "GMT"
// where they say anything; the sandbox's account has no other time zone). The window's rules are
// read from the operation's own words:
//   - a length limit only where `from` or `to` says "one month" (or "a month", "monthly");
//   - "last six months" (or a documented "recent 6 months" error) refuses older windows;
//   - date-times (yyyy-MM-dd'T'HH:mm:ss'Z') accepted beside dates where the file offers them;
//   - without from and to, the default the description states ("the past 30 days", "the past
//     24 hours", "the current date"); where it states none, the sandbox cannot know and refuses.
// A refusal is the error the operation's 400 answer documents for that case, else "not
// emulated": the sandbox does not invent Zoom's wording.
//
// The date goes into the row's own date field (start_time, date_time, date, created_at, …, as a
// date or a date-time as the schema declares it). A row with no such field (11 lists: chat or
// room metrics per user, per room) is a total over the window asked for, as Zoom's summaries
// are: every window answers it (with the same figures; the sandbox does not split them).
//
// Lists whose from/to are date-times or free text (60 in the files) are not filtered: their
// bounds mean different things per list (exclusive, "modified on or after", end times).
import { DAY_MS, isoDate, isoSeconds, startOfUtcDay } from '../../clock'
import { between, hash3, hashString } from '../../hash'
import { plainText } from '../../../../common/zoom/api/plain-text'
import type { ApiOperation, ApiParam, JsonSchema } from '../../../../common/zoom/api/types'
import { objectProperties } from '../../../../common/zoom/api/parse'
import { dateWindow, type DateWindow, type WindowFault, type WindowRules } from '../dates'
import { type ApiResponse, zoomError } from '../responses'
import { effectiveSchema } from './values'
import type { DocumentedError } from './zoom-files'

/** How far back a dated list's rows go: the six months Zoom keeps its reports. */
export const DATED_HISTORY_DAYS = 180

export interface DatedList {
  rules: Omit<WindowRules, 'now' | 'defaultFrom' | 'defaultTo'>
  /** The default window in days back from today (inclusive), or undefined when the file states none. */
  defaultDays?: { from: number; to: number }
  /** The row field that shows the row's date, or undefined when the item has none. */
  field?: { name: string; dateOnly: boolean }
}

const ONE_MONTH = /\b(?:a|one|1)[\s-]+month\b|\bmonthly\b/i
const SIX_MONTHS = /\b(?:last|recent|past)\s+(?:six|6)\s+months\b/i
const DATE_TIMES = /HH:mm:ss/
/** Which documented 400 error says what, for each way a window is refused. */
const DOCUMENTED: Record<WindowFault, RegExp> = {
  required: /cannot be blank/i,
  format: /from or to time is invalid|invalid from\/to|must be in .*yyyy-mm-dd/i,
  order: /cannot be greater than|must be after the .?from|must come before/i,
  'too-long': /exceeds? (?:the )?(?:1-month|one month)/i,
  'too-old': /recent 6 months|within 6 months/i,
}
/** Date fields a row's date is written into, most telling first. */
const DATE_FIELDS = ['start_time', 'date_time', 'date', 'created_at', 'create_time', 'created_time', 'start_date', 'time', 'end_time', 'timestamp']

/** The `from` and `to` query parameters of `op` when both are dates (yyyy-mm-dd): a list this file filters by date. */
export function dateBoundsOf(op: ApiOperation): { from: ApiParam; to: ApiParam } | undefined {
  const param = (name: string) => op.params.find((p) => p.in === 'query' && p.name === name && p.schema.format === 'date')
  const from = param('from')
  const to = param('to')
  return from === undefined || to === undefined ? undefined : { from, to }
}

/** The date rules of `op`, or undefined when its from/to are not both yyyy-mm-dd query parameters. */
export function datedListOf(op: ApiOperation, itemSchema: JsonSchema, documented: readonly DocumentedError[] = []): DatedList | undefined {
  const bounds = dateBoundsOf(op)
  if (bounds === undefined) return undefined
  const { from, to } = bounds
  const text = plainText(`${from.description ?? ''}\n${to.description ?? ''}`)
  const errors = (fault: WindowFault) => documented.find((e) => DOCUMENTED[fault].test(e.message))
  const refuse = (fault: WindowFault, message: string): ApiResponse => {
    const error = errors(fault)
    if (error !== undefined) return zoomError(400, error.code, error.message)
    return zoomError(400, 300, `${message} Zoom's file documents no error for this (not emulated).`)
  }
  const dated: DatedList = {
    rules: {
      required: from.required || to.required,
      dateTimes: DATE_TIMES.test(text),
      unbounded: !ONE_MONTH.test(text),
      lastSixMonths: SIX_MONTHS.test(text) || errors('too-old') !== undefined,
      refuse,
    },
  }
  const defaults = defaultDaysOf(text)
  if (defaults !== undefined) dated.defaultDays = defaults
  const field = dateFieldOf(itemSchema)
  if (field !== undefined) dated.field = field
  return dated
}

/** The window a description promises without from/to, in days back from today. */
function defaultDaysOf(text: string): { from: number; to: number } | undefined {
  // "The past 30 days": today and the 29 before it.
  const past = /past (\d+) days\b/i.exec(text)
  if (past) return { from: Number(past[1]) - 1, to: 0 }
  // "The last 24 hours": yesterday and today, as the call history's default.
  if (/\b24 hours\b|past 1 day\b/i.test(text)) return { from: 1, to: 0 }
  if (/current date/i.test(text)) return { from: 0, to: 0 }
  return undefined
}

function dateFieldOf(itemSchema: JsonSchema): { name: string; dateOnly: boolean } | undefined {
  const properties = objectProperties(effectiveSchema(itemSchema))
  const kindOf = (name: string): 'date' | 'date-time' | undefined => {
    const schema = properties[name]
    if (schema === undefined) return undefined
    const s = effectiveSchema(schema)
    if (s.type !== undefined && s.type !== 'string') return undefined
    const example = typeof s.example === 'string' ? s.example : ''
    if (s.format === 'date' || /^\d{4}-\d{2}-\d{2}$/.test(example)) return 'date'
    if (s.format === 'date-time' || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(example)) return 'date-time'
    // A field named as a date with no format or example says nothing against a date-time.
    return DATE_FIELDS.includes(name) && s.format === undefined && s.enum === undefined && s.pattern === undefined ? 'date-time' : undefined
  }
  const name = DATE_FIELDS.find((n) => kindOf(n) !== undefined) ?? Object.keys(properties).find((n) => kindOf(n) !== undefined && /date|time|_at$/.test(n))
  return name === undefined ? undefined : { name, dateOnly: kindOf(name) === 'date' }
}

/** The window a request asks for, or the refusal. */
export function windowOf(dated: DatedList, query: URLSearchParams, now: number, path: string): { ok: true; window: DateWindow } | { ok: false; response: ApiResponse } {
  const today = startOfUtcDay(now)
  const absent = (name: string) => (query.get(name) ?? '') === ''
  if (dated.defaultDays === undefined && absent('from') && absent('to') && dated.rules.required !== true) {
    return { ok: false, response: zoomError(400, 300, `Zoom's file does not say which dates GET ${path} answers without from and to (not emulated).`) }
  }
  const defaults = dated.defaultDays ?? { from: 0, to: 0 }
  // Zoom's own default may be longer than a window it lets a client ask for ("the past 30 days" in February).
  const unbounded = dated.rules.unbounded === true || (absent('from') && absent('to'))
  return dateWindow(query, { ...dated.rules, unbounded, now, defaultFrom: today - defaults.from * DAY_MS, defaultTo: today - defaults.to * DAY_MS })
}

/** When row `k` of the list at `key` happened: a second of one of the last DATED_HISTORY_DAYS days before `anchorMs` (that day included). */
export function rowTime(seed: number, key: string, k: number, anchorMs: number): number {
  const h = hash3(seed, hashString(`${key}#date`), k)
  return anchorMs - between(h, 0, DATED_HISTORY_DAYS - 1) * DAY_MS + between(hash3(h, 0x7133, k), 0, 86_399) * 1000
}

/** The positions of the rows in the window, in list order. */
export function rowsIn(window: DateWindow, total: number, time: (k: number) => number): number[] {
  const rows: number[] = []
  for (let k = 0; k < total; k++) {
    const t = time(k)
    if (t >= window.fromMs && t < window.toMs) rows.push(k)
  }
  return rows
}

/** The row's date as its field writes it. */
export function formatRowTime(field: { dateOnly: boolean }, ms: number): string {
  return field.dateOnly ? isoDate(ms) : isoSeconds(ms)
}
