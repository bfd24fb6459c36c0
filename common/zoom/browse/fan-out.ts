// Fan-out: a list whose path needs a value nobody gave (`/phone/call_queues/{callQueueId}/members`
// without a callQueueId) is fetched once per row of its parent list. The rule, from the path
// templates alone: the parent of `{param}` is the GET list at the path before `/{param}`
// (`/phone/call_queues`, `/rooms`, `/users`), and each of its rows gives the value from its `id`,
// else the property named like the parameter (`roomId` or `room_id`), else the one `…_id`
// property whose name ends like the parameter's (`serviceId` ↔ `calendar_service_id`) — the rule
// the test sandbox links its generated ids by. One more rule: a parameter naming a user
// (`userId`, `userIdentifier`, `email`) whose prefix is no list (`/chat/users/{userId}/channels`)
// is a Zoom user, listed by `/users`; so is one whose prefix is a list that answers only for a query
// (`/report/users/{userId}/meetings`: the hosts report needs dates, and cannot give users). A list whose userId comes from `/users` is a per-user list: the
// crawl's `users` option says whose (the token's owner by default, named users, or every user).
// Parameters are filled outermost first, so a parent may itself fan out over its own parent
// (`/zoom_events/events/{eventId}/sessions/{sessionId}/attendees`: events, then their sessions).
// A parameter whose prefix is no list (`/meetings/{meetingId}/…`: there is no GET /meetings)
// must be typed.
import type { ApiCatalog } from '../api/types'
import { needsQueryToAnswer } from '../api/list-params'
import { pathParamNames } from '../paths'
import { listSpecFor, type ListSpec } from './list-spec'

export interface FanOutStep {
  /** The path parameter filled. */
  param: string
  /** The parent list's path template. */
  parent: string
  /** The property of a parent row holding the value. */
  field: string
}

export type FanOutPlan = { ok: true; steps: FanOutStep[] } | { ok: false; param: string; message: string }

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/** The path before `/{param}`: `/phone/call_queues/{callQueueId}/members` → `/phone/call_queues`. */
export function parentPath(path: string, param: string): string {
  const at = path.indexOf(`/{${param}}`)
  return at <= 0 ? '' : path.slice(0, at)
}

/** Path parameters that name a Zoom user (an id, an e-mail or `me`). */
const USER_PARAMS: ReadonlySet<string> = new Set(['userId', 'userIdentifier', 'email'])

/** The account's users: the parent of a `{userId}` that its path prefix does not list. */
export const USERS_LIST = '/users'

/**
 * The parent list's path template of `param`, or '' when none: the prefix when it is a list, else
 * `/users` for a userId. `hasList` says whether a path is a GET list that answers as it is, with
 * no query (see `answersAsIs`): only such a list can give values.
 */
export function parentListOf(path: string, param: string, hasList: (path: string) => boolean): string {
  const prefix = parentPath(path, param)
  if (prefix !== '' && hasList(prefix)) return prefix
  return USER_PARAMS.has(param) ? USERS_LIST : ''
}

/** How a person calls a parent list's rows, from its path: `/phone/call_queues` → "call queues". */
export function nounOf(parentPath: string): string {
  const last = parentPath.split('/').filter((segment) => segment !== '' && !segment.startsWith('{')).at(-1) ?? 'lists'
  return last.replace(/_/g, ' ')
}

/** One of a plural noun from `nounOf`: "call queues" → "call queue", "entries" → "entry", "addresses" → "address". */
export function singularOf(noun: string): string {
  if (/ies$/.test(noun)) return noun.replace(/ies$/, 'y')
  if (/(ss|x|ch|sh)es$/.test(noun)) return noun.replace(/es$/, '')
  return noun.replace(/s$/, '')
}

/** A list fanned out over the account's users (`users: 'me' | 'all' | [...]`): its userId comes from `/users`. */
export function isPerUserList(path: string, hasList: (path: string) => boolean): boolean {
  return path.includes('/{userId}') && parentListOf(path, 'userId', hasList) === USERS_LIST
}

/**
 * Every GET path that planning a crawl of `path` may look up: the list itself, the path before
 * each of its parameters, and `/users` when a parameter names a user. Whoever plans a crawl needs
 * the descriptions of these alone, not all of Zoom's files.
 */
export function pathsToPlan(path: string): string[] {
  const params = pathParamNames(path)
  const prefixes = params.map((param) => parentPath(path, param)).filter((prefix) => prefix !== '')
  return [...new Set([path, ...prefixes, ...(params.some((param) => USER_PARAMS.has(param)) ? [USERS_LIST] : [])])]
}

/** Which property of a parent's row fills `param`; undefined when its rows have none that fits. */
export function parentField(parent: ListSpec, param: string): string | undefined {
  const items = parent.itemProperties
  // A built-in parent read before Zoom's files: its rows have an `id`.
  if (!items) return 'id'
  const scalar = (name: string) => ['string', 'integer', 'number'].includes(String(items[name]?.type))
  if (scalar('id')) return 'id'
  const snake = snakeCase(param)
  const named = [param, snake].find(scalar)
  if (named) return named
  const alike = Object.keys(items).filter((name) => name.endsWith('_id') && scalar(name) && (name.endsWith(snake) || snake.endsWith(name)))
  return alike.length === 1 ? alike[0] : undefined
}

/** A parent is listed as it is, with no query: one that needs a query parameter to answer cannot give values. */
function usableParent(parent: ListSpec): boolean {
  return !needsQueryToAnswer({ params: parent.operation?.params ?? [], pagination: parent.pagination })
}

/** The `hasList` of `parentListOf` over a catalog: a list it describes that answers with no query. */
export function answersAsIs(catalog: Pick<ApiCatalog, 'gets'> | undefined): (path: string) => boolean {
  return (path) => {
    const spec = listSpecFor(path, catalog)
    return spec !== undefined && usableParent(spec)
  }
}

/**
 * How to fill the path parameters of `spec` that `given` lacks, outermost first; or which one
 * must be typed because no parent list gives it.
 */
export function planFanOut(spec: Pick<ListSpec, 'path' | 'pathParams'>, given: ReadonlySet<string>, catalog: Pick<ApiCatalog, 'gets'> | undefined): FanOutPlan {
  const steps: FanOutStep[] = []
  for (const param of spec.pathParams) {
    if (given.has(param)) continue
    const parentTemplate = parentListOf(spec.path, param, answersAsIs(catalog))
    const parent = parentTemplate === '' ? undefined : listSpecFor(parentTemplate, catalog)
    const field = parent ? parentField(parent, param) : undefined
    if (!parent || field === undefined) {
      return { ok: false, param, message: `${spec.path} needs a value for ${param}: no list of Zoom's gives it (type the ${param}).` }
    }
    steps.push({ param, parent: parent.path, field })
  }
  return { ok: true, steps }
}

/** Lists data.crawl can crawl as they are, fanning out where a path parameter needs it. */
export function browsableLists(catalog: Pick<ApiCatalog, 'gets' | 'lists'>): ListSpec[] {
  const specs: ListSpec[] = []
  for (const operation of catalog.lists) {
    if (operation.method !== 'GET') continue
    const spec = listSpecFor(operation.path, catalog)
    if (spec && planFanOut(spec, new Set(), catalog).ok) specs.push(spec)
  }
  return specs
}
