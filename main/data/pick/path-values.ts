// The path-value picker's source: one page at a time of the list a path parameter's values come
// from (call queues for `{callQueueId}`, rooms for `{roomId}`), each row as a name or e-mail and
// the value it gives. The parent list and the row property holding the value are the crawl's own
// fan-out rule (planFanOut), asked for this one parameter, so the picker offers exactly what a
// fan-out would go over. Read-only: one GET per page, under the list's rate-limit category; the
// cursor is Zoom's next_page_token or the next page_number, so main keeps nothing between pages.
import type { PathValuesPage } from '../../../common/contract/data'
import { AppError } from '../../../common/errors'
import { pathsToPlan, planFanOut } from '../../../common/zoom/browse/fan-out'
import { itemNamingOf, namedItemOf, type NamedItem } from '../../../common/zoom/browse/item-naming'
import { listSpecFor, type ListSpec } from '../../../common/zoom/browse/list-spec'
import { expandPath } from '../../../common/zoom/paths'
import type { ApiCatalog } from '../../../common/zoom/api/types'
import type { ZoomClients } from '../../zoom'
import { listPageTokenOf, readListEnvelope } from '../../zoom/list-envelope'
import type { CatalogSource } from '../jobs/job-manager'
import { fieldValue } from '../jobs/crawl-units'
import { forAppType, type ScopeLevelOf } from '../jobs/scope-check'

export interface PathValuesRequest {
  profileId: string
  resource: string
  param: string
  pathValues?: Readonly<Record<string, string>>
  cursor?: string
  signal?: AbortSignal
}

export interface PathValuesDeps {
  zoom: Pick<ZoomClients, 'forProfile'>
  apiCatalog?: CatalogSource
  scopeLevel?: ScopeLevelOf
}

/** Page cursors: `t:` + Zoom's next_page_token, or `n:` + the next page_number. */
type Cursor = { token: string } | { page: number }

function readCursor(cursor: string | undefined): Cursor | undefined {
  if (cursor === undefined) return undefined
  if (cursor.startsWith('t:') && cursor.length > 2) return { token: cursor.slice(2) }
  const page = cursor.startsWith('n:') ? Number(cursor.slice(2)) : NaN
  if (Number.isInteger(page) && page > 1) return { page }
  throw new AppError('VALIDATION', 'That page cursor is not one this picker gave.', { issues: [{ path: 'cursor', message: 'not a cursor of this picker' }] })
}

function nextCursor(body: Record<string, unknown>, parent: ListSpec, current: Cursor | undefined, rows: number): string | undefined {
  if (parent.pagination === 'next_page_token') {
    const token = listPageTokenOf(body)
    return token === undefined ? undefined : `t:${token}`
  }
  if (parent.pagination !== 'page_number' || rows === 0) return undefined
  const page = current && 'page' in current ? current.page : 1
  const pageCount = body.page_count
  return typeof pageCount === 'number' && page < pageCount ? `n:${page + 1}` : undefined
}

export class PathValues {
  constructor(private readonly deps: PathValuesDeps) {}

  async page(request: PathValuesRequest): Promise<PathValuesPage> {
    const catalog = await this.catalog(request.resource)
    const spec = listSpecFor(request.resource, catalog)
    if (!spec) throw new AppError('NOT_FOUND', `${request.resource} is not a list of Zoom's API.`)
    if (!spec.pathParams.includes(request.param)) {
      throw new AppError('VALIDATION', `${request.resource} has no path parameter ${request.param}.`, { issues: [{ path: 'param', message: `not a path parameter of ${request.resource}` }] })
    }
    // The crawl's rule, asked for this parameter alone: every other one counts as given.
    const plan = planFanOut(spec, new Set(spec.pathParams.filter((name) => name !== request.param)), catalog)
    const step = plan.ok ? plan.steps[0] : undefined
    const parent = step ? listSpecFor(step.parent, catalog) : undefined
    if (!step || !parent) throw new AppError('VALIDATION', plan.ok ? `No list of Zoom's gives ${request.param}: type it.` : plan.message, { issues: [{ path: request.param, message: 'no list gives it: type it' }] })
    const pathValues = request.pathValues ?? {}
    const lacking = parent.pathParams.filter((name) => !pathValues[name])
    if (lacking.length > 0) {
      throw new AppError('VALIDATION', `Choose ${lacking.join(' and ')} first: the ${request.param} values are listed per ${lacking.join(' and ')}.`, { issues: lacking.map((name) => ({ path: name, message: 'needed first' })) })
    }
    const cursor = readCursor(request.cursor)
    const searchParams: Record<string, string | number> = {}
    if (parent.maxPageSize !== undefined && parent.pagination !== 'none') searchParams.page_size = parent.maxPageSize
    if (cursor && 'token' in cursor) searchParams.next_page_token = cursor.token
    if (cursor && 'page' in cursor) searchParams.page_number = cursor.page
    let body: unknown
    try {
      const response = await this.deps.zoom.forProfile(request.profileId).request<unknown>({
        path: expandPath(parent.path, pathValues),
        searchParams,
        family: parent.family,
        ...(parent.category ? { category: parent.category } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
      })
      body = response.body
    } catch (error) {
      throw forAppType(error, parent, this.deps.scopeLevel, request.profileId)
    }
    const { envelope, rows } = readListEnvelope(body, [parent.listKey, ...(parent.altListKeys ?? [])])
    const naming = itemNamingOf(parent.itemProperties)
    const items: NamedItem[] = []
    const seen = new Set<string>()
    for (const row of rows) {
      const value = fieldValue(row, step.field)
      if (value === undefined || seen.has(value)) continue
      seen.add(value)
      items.push(namedItemOf(row as Record<string, unknown>, value, naming))
    }
    const next = nextCursor(envelope, parent, cursor, rows.length)
    const total = envelope.total_records
    return { parent: parent.path, items, ...(next ? { cursor: next } : {}), ...(typeof total === 'number' ? { total } : {}) }
  }

  /**
   * A built-in list (a user's meetings, over the account's users) is answered before Zoom's files
   * were ever fetched, offline too; any other list waits for the files describing it and its parents.
   */
  private async catalog(resource: string): Promise<Pick<ApiCatalog, 'gets'> | undefined> {
    const source = this.deps.apiCatalog
    if (!source) return undefined
    if (source.loaded) return source.loaded
    return listSpecFor(resource, undefined) ? undefined : source.catalogFor(pathsToPlan(resource))
  }
}
