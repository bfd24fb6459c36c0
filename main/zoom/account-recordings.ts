// Pages of the account-wide recordings listing (common/zoom/account-recordings.ts says what Zoom
// documents for it): one listing for every user instead of one per user. A crawl asks for it
// window by window, like the per-user listing; a longer range given here is split the same way.
import { AppError } from '../../common/errors'
import { ACCOUNT_RECORDINGS } from '../../common/zoom/account-recordings'
import { daysInclusive, parseIsoDate, splitDateWindows } from '../../common/zoom/date-windows'
import type { ZoomClient } from './client'
import type { ZoomPage } from './paginate'

export interface AccountRecordingsOptions {
  params?: Readonly<Record<string, string | number | boolean | undefined>>
  signal?: AbortSignal
  onRateLimitWait?: (untilMs: number) => void
}

/** The query the listing accepts (from/to), or a VALIDATION error naming what it does not take. */
export function accountRecordingsQuery(params: AccountRecordingsOptions['params'] = {}): Record<string, string> {
  const query: Record<string, string> = {}
  const refused: string[] = []
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === '' || value === false) continue
    if ((ACCOUNT_RECORDINGS.params as readonly string[]).includes(name)) query[name] = String(value)
    else refused.push(name)
  }
  if (refused.length > 0) {
    throw new AppError('VALIDATION', `The account-wide listing takes only From and To; list per user to use ${refused.join(', ')}.`, { issues: refused.map((name) => ({ path: name, message: 'Not offered by the account-wide listing' })) })
  }
  for (const name of ['from', 'to'] as const) {
    const value = query[name]
    if (value === undefined) continue
    try {
      parseIsoDate(value)
    } catch (error) {
      throw new AppError('VALIDATION', error instanceof Error ? error.message : 'Invalid date.', { issues: [{ path: name, message: 'Invalid date' }] })
    }
  }
  // "Within the past six months" is left to Zoom, whose answer says so: the app's clock and Zoom's
  // may disagree about today near the edge.
  return query
}

export async function* listAccountRecordings<T = unknown>(client: ZoomClient, options: AccountRecordingsOptions = {}): AsyncGenerator<ZoomPage<T>, void, undefined> {
  const query = accountRecordingsQuery(options.params)
  const { from, to } = query
  const maxDays = ACCOUNT_RECORDINGS.dateWindow.maxDays
  const windows = from && to && daysInclusive(from, to) > maxDays ? splitDateWindows(from, to, maxDays) : [undefined]
  let index = 0
  for (const window of windows) {
    for await (const page of client.paginate<T>({
      path: ACCOUNT_RECORDINGS.path,
      listKey: ACCOUNT_RECORDINGS.listKey,
      idKeys: ACCOUNT_RECORDINGS.idKeys,
      paginated: true,
      pageSize: ACCOUNT_RECORDINGS.maxPageSize,
      searchParams: window ? { ...query, from: window.from, to: window.to } : query,
      family: ACCOUNT_RECORDINGS.family,
      category: ACCOUNT_RECORDINGS.category,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onRateLimitWait ? { onRateLimitWait: options.onRateLimitWait } : {}),
    })) {
      yield { ...page, index: index++ }
    }
  }
}
