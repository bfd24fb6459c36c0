// One paginated list response for any endpoint: page size clamped to the endpoint's maximum,
// start from next_page_token or page_number, Zoom's envelope around the page's items.
import type { ApiRequest, ApiDeps } from './handler'
import { pageEnvelope } from './handler'
import { pageInfo, pageSizeOf, resultSetKey } from './pagination'
import { type ApiResponse, Errors } from './responses'

export interface ListOptions {
  /** Identifies the result set together with the non-paging query parameters. */
  path: string
  total: number
  /** JSON text of the item at position k. */
  item(k: number): string
  listKey: string
  /** Fields before the paging fields (e.g. from/to). */
  head?: Record<string, string | number>
  /** Fields after them (e.g. report totals). */
  tail?: Record<string, string | number>
  /** Include page_count (default true; Zoom's phone users envelope lacks it). */
  pageCount?: boolean
  /** Include page_number (endpoints whose schema has it). */
  pageNumber?: boolean
  /** Memoise the page's item JSON (only when the items never change for this result set). */
  cache?: boolean
  /** Zoom Phone answers a bad page token with code 400 instead of 300. */
  badTokenCode?: number
}

export function listResponse(request: ApiRequest, deps: ApiDeps, options: ListOptions): ApiResponse {
  const pageSize = pageSizeOf(request.query, request.op.maxPageSize ?? 300)
  const setKey = resultSetKey(options.path, request.query)
  const start = deps.pageTokens.start(setKey, request.query, pageSize)
  if (!start.ok) return Errors.badPageToken(options.badTokenCode)
  const page = pageInfo(deps.pageTokens, setKey, start.offset, pageSize, options.total)
  const build = (): Buffer => {
    const end = Math.min(page.offset + pageSize, options.total)
    const parts: string[] = []
    for (let k = page.offset; k < end; k++) parts.push(options.item(k))
    return Buffer.from(`[${parts.join(',')}]`)
  }
  const items = options.cache === true ? deps.cache.get(`${setKey}|${page.offset}|${pageSize}`, build) : build()
  return {
    status: 200,
    json: pageEnvelope({
      ...options.head,
      ...(options.pageCount === false ? {} : { page_count: page.pageCount }),
      ...(options.pageNumber === true ? { page_number: page.pageNumber } : {}),
      page_size: pageSize,
      total_records: page.total,
      next_page_token: page.nextPageToken,
      ...options.tail,
    }, options.listKey, items),
  }
}
