// One listing of a list through the Zoom client, by its pagination style: next_page_token (the
// client's paginate, which restarts an expired token without repeating rows), page_number (pages
// 1, 2, … until Zoom's page_count), SCIM's startIndex and count (until totalResults), or one
// answer; at the list's largest page size and under its
// rate-limit category, so the account's limiter paces it. A listing tried again passes the cursor
// of its last try and goes on after the last page taken.
import { AppError } from '../../../common/errors'
import { expandPath, isDotSegment } from '../../../common/zoom/paths'
import type { ListSpec } from '../../../common/zoom/browse/list-spec'
import type { PaginationStyle } from '../../../common/zoom/api/types'
import type { PageCursor, PaginateRequest, ZoomClient, ZoomPage } from '../../zoom'
import { paginateByNumber } from '../../zoom/page-number'
import { paginateByStartIndex } from '../../zoom/start-index'

/** The paginator of each style (one answer is a listing of one page). */
const PAGINATORS: Record<PaginationStyle, (client: ZoomClient, request: PaginateRequest) => AsyncGenerator<ZoomPage>> = {
  next_page_token: (client, request) => client.paginate(request),
  none: (client, request) => client.paginate(request),
  page_number: paginateByNumber,
  start_index: paginateByStartIndex,
}

export interface ListingRequest {
  pathValues: Readonly<Record<string, string>>
  query: Readonly<Record<string, string | number | boolean>>
  signal: AbortSignal
  onRateLimitWait?: (untilMs: number) => void
  cursor?: PageCursor
  /** Pages as Zoom's bytes, parsed where they are stored (see PaginateRequest.asBytes). */
  asBytes?: boolean
}

export function listPages(client: ZoomClient, spec: ListSpec, request: ListingRequest): AsyncGenerator<ZoomPage> {
  // The last word on path values, wherever they came from (the page, a parent list's rows, Zoom's
  // users list): "." or ".." would list another path than this list's.
  for (const [name, value] of Object.entries(request.pathValues)) {
    if (isDotSegment(value)) throw new AppError('VALIDATION', `${name} cannot be “.” or “..”.`, { issues: [{ path: name, message: 'cannot be “.” or “..”' }] })
  }
  const paginate: PaginateRequest = {
    path: expandPath(spec.path, request.pathValues),
    listKey: spec.listKey,
    ...(spec.altListKeys ? { altListKeys: spec.altListKeys } : {}),
    idKeys: spec.idKeys,
    paginated: spec.pagination !== 'none',
    ...(spec.pageNumberParam ? { pageNumberParam: spec.pageNumberParam } : {}),
    ...(spec.maxPageSize !== undefined ? { pageSize: spec.maxPageSize } : {}),
    searchParams: request.query,
    family: spec.family,
    ...(spec.category ? { category: spec.category } : {}),
    signal: request.signal,
    ...(request.onRateLimitWait ? { onRateLimitWait: request.onRateLimitWait } : {}),
    ...(request.cursor ? { cursor: request.cursor } : {}),
    ...(request.asBytes ? { asBytes: true } : {}),
  }
  return PAGINATORS[spec.pagination](client, paginate)
}
