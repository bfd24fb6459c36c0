// Most of Zoom's dated lists answer at most one month at a time, and their files say so only in
// words, in the description of `from` ("should only be one month", "should be a month as the
// response only includes one month's worth of data", "a monthly date range"). Such a list gets
// a date window of one month, so a longer range is asked for a month at a time, as the built-in
// reports are, instead of being refused by Zoom.
import { ONE_MONTH_DAYS } from '../date-windows'
import type { DateWindowSpec } from '../catalog-types'
import { plainText } from './plain-text'
import type { ApiOperation } from './types'

const ONE_MONTH = /\b(?:a|one)\s+month\b|\bmonthly\b/i

/** The one-month window of a list whose `from` and `to` are dates and whose file limits them to a month; else undefined. */
export function monthWindowOf(operation: Pick<ApiOperation, 'params'>): DateWindowSpec | undefined {
  const query = (name: string) => operation.params.find((p) => p.in === 'query' && p.name === name && p.schema.format === 'date')
  const from = query('from')
  const to = query('to')
  if (!from || !to || !ONE_MONTH.test(plainText(from.description ?? ''))) return undefined
  return { from: from.name, to: to.name, maxDays: ONE_MONTH_DAYS, required: from.required || to.required }
}
