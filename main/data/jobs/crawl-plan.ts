// What one data.crawl fetches, decided once from its input: the list (by path template), its
// parameters checked against the list's description (our notes for the built-in tabs, Zoom's
// file for every other list), the date windows, the values an "all" choice stands for, and the
// fan-out over parent lists for path parameters nobody gave. This is main's one check of a
// crawl's parameters; the bridge has already checked their shape.
import type { CrawlInput } from '../../../common/contract/data'
import { AppError, type FieldIssue } from '../../../common/errors'
import { checkApiListParams } from '../../../common/zoom/api/list-params'
import type { ApiCatalog } from '../../../common/zoom/api/types'
import { answersAsIs, isPerUserList, planFanOut, type FanOutStep } from '../../../common/zoom/browse/fan-out'
import { listSpecFor, type ListSpec } from '../../../common/zoom/browse/list-spec'
import { listPathOf } from '../../../common/zoom/browse/names'
import { splitCalendarMonths, splitDateWindows, type DateWindow } from '../../../common/zoom/date-windows'
import { isDotSegment } from '../../../common/zoom/paths'
import { validateResourceParams } from '../../../common/zoom/params'
import { type CrawlQueries, expandedLists, userScope, type UserScope } from './crawl-units'

export type QueryParams = Record<string, string | number | boolean>

export interface CrawlPlan {
  spec: ListSpec
  queries: CrawlQueries
  /** Path parameters given. */
  pathValues: Record<string, string>
  /** Path parameters filled from parent lists, outermost first (not `userId`: `users` says whose). */
  fanOut: (FanOutStep & { parentSpec: ListSpec })[]
  /** Whose lists, for `/users/{userId}/…`. */
  users: UserScope | undefined
}

const invalid = (issues: FieldIssue[]) => new AppError('VALIDATION', issues.map((issue) => issue.message).join('; '), { issues })

/** The list a crawl names; a VALIDATION error when it is no list Zoom's files or ours describe. */
export function resolveList(resource: string, catalog: Pick<ApiCatalog, 'gets'> | undefined): ListSpec {
  const path = listPathOf(resource)
  const spec = path === undefined ? undefined : listSpecFor(path, catalog)
  if (spec) return spec
  const known = path !== undefined && catalog?.gets.get(path)
  const why = known ? `GET ${path} answers one object, not a list` : catalog ? `Zoom's API files describe no GET ${path ?? resource}` : `${path ?? resource} is not a built-in list, and Zoom's API files could not be read yet`
  throw invalid([{ path: 'resource', message: `${why}.` }])
}


export function planCrawl(input: { resource: string; params: QueryParams; users?: CrawlInput['users'] }, catalog: Pick<ApiCatalog, 'gets'> | undefined, now: number): CrawlPlan {
  const spec = resolveList(input.resource, catalog)
  const pathNames = new Set(spec.pathParams)
  // A parameter our notes give a value for (the account's `me`) is not fanned out when left out.
  const pathValues: Record<string, string> = { ...spec.curated?.pathDefaults }
  const query: Record<string, string | number | boolean> = {}
  const issues: FieldIssue[] = []
  for (const [name, value] of Object.entries(input.params)) {
    if (!pathNames.has(name)) query[name] = value
    else if (typeof value === 'boolean' || String(value).trim() === '') issues.push({ path: name, message: `${name} must be a value (or left out to go over every one)` })
    // Encoded, `.` and `..` stay as they are, and a URL parser would walk up the path with them.
    else if (isDotSegment(String(value).trim())) issues.push({ path: name, message: `${name} cannot be “.” or “..”` })
    else pathValues[name] = String(value).trim()
  }
  if (issues.length > 0) throw invalid(issues)

  // Lists of a Zoom user's things are fanned out through `users`, not as a path parameter.
  const perUser = isPerUserList(spec.path, answersAsIs(catalog))
  if (perUser && pathValues.userId !== undefined && input.users !== undefined) throw invalid([{ path: 'userId', message: 'Give the user either as userId or as users, not both' }])
  const users = userScope(perUser, spec.path, perUser && pathValues.userId !== undefined ? [pathValues.userId] : input.users)
  if (perUser) delete pathValues.userId

  let checkedQuery: Record<string, string>
  let lists: QueryParams[] = [{}]
  if (spec.curated) {
    const checked = validateResourceParams(spec.curated, query, { now })
    if (!checked.ok) throw invalid(checked.issues)
    checkedQuery = checked.query
    lists = expandedLists(checked.expand)
  } else {
    const operation = spec.operation
    if (!operation) throw invalid([{ path: 'resource', message: `${spec.path} is not described` }])
    const checked = checkApiListParams(operation, query)
    if (!checked.ok) throw invalid(checked.issues)
    checkedQuery = checked.params.query
  }
  // Ours (a report) or read from Zoom's file (a list limited to one month): the same split.
  const windows = dateWindows(spec, checkedQuery)

  const given = new Set([...Object.keys(pathValues), ...(perUser ? ['userId'] : [])])
  const plan = planFanOut(spec, given, catalog)
  if (!plan.ok) throw invalid([{ path: plan.param, message: plan.message }])
  const fanOut = plan.steps.map((step) => ({ ...step, parentSpec: resolveList(step.parent, catalog) }))
  return { spec, queries: { params: checkedQuery, lists, windows }, pathValues, fanOut, users }
}

/**
 * The from/to windows to request: the one place a long range is split. Lists without a span
 * limit, or requests without both dates (Zoom then applies its own default), go in one request.
 */
function dateWindows(spec: ListSpec, params: Record<string, string>): (DateWindow | undefined)[] {
  const window = spec.dateWindow
  const from = window && params[window.from]
  const to = window && params[window.to]
  if (!window || from === undefined || to === undefined) return [undefined]
  try {
    const fewest = splitDateWindows(from, to, window.maxDays)
    // Totals per window (a report's hosts) are read by their windows. A range Zoom answers in one
    // request stays one: its rows total the dates asked (split, an "inactive" host would be one
    // idle in either part, not in the whole range). A longer one follows the calendar.
    return window.periodTotals && fewest.length > 1 ? splitCalendarMonths(from, to) : fewest
  } catch (error) {
    throw invalid([{ path: window.from, message: error instanceof Error ? error.message : 'Invalid date range' }])
  }
}
