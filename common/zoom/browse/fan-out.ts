// Fan-out: a list whose path needs a value nobody gave (`/phone/call_queues/{callQueueId}/members`
// without a callQueueId) is fetched once per row of its parent list. The rule, from the path
// templates alone: the parent of `{param}` is the GET list at the path before `/{param}`
// (`/phone/call_queues`, `/rooms`, `/users`), and each of its rows gives the value from its
// property named like the parameter (`email`), its snake_case form (`call_queue_id`), or `id`.
// Parameters are filled outermost first, so a parent may itself fan out over its own parent
// (`/zoom_events/events/{eventId}/sessions/{sessionId}/attendees`: events, then their sessions).
// A parameter whose prefix is no list (`/meetings/{meetingId}/…`: there is no GET /meetings)
// must be typed.
import type { ApiCatalog } from '../api/types'
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

const snakeCase = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()

/** The path before `/{param}`: `/phone/call_queues/{callQueueId}/members` → `/phone/call_queues`. */
export function parentPath(path: string, param: string): string {
  const at = path.indexOf(`/{${param}}`)
  return at <= 0 ? '' : path.slice(0, at)
}

/** Which property of a parent's row fills `param`; undefined when its rows have none that fits. */
export function parentField(parent: ListSpec, param: string): string | undefined {
  const candidates = [param, snakeCase(param), 'id']
  // A built-in parent read before Zoom's files: its rows have an `id`.
  if (!parent.itemProperties) return 'id'
  return candidates.find((name) => name in (parent.itemProperties ?? {}))
}

/**
 * How to fill the path parameters of `spec` that `given` lacks, outermost first; or which one
 * must be typed because no parent list gives it.
 */
export function planFanOut(spec: Pick<ListSpec, 'path' | 'pathParams'>, given: ReadonlySet<string>, catalog: Pick<ApiCatalog, 'gets'> | undefined): FanOutPlan {
  const steps: FanOutStep[] = []
  for (const param of spec.pathParams) {
    if (given.has(param)) continue
    const parentTemplate = parentPath(spec.path, param)
    const parent = parentTemplate === '' ? undefined : listSpecFor(parentTemplate, catalog)
    const field = parent && parentField(parent, param)
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
