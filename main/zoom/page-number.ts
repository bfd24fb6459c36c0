// The older page_number pagination a few of Zoom's lists still use instead of next_page_token:
// pages 1, 2, … until Zoom's page_count is reached, or, without one, until a short or empty page.
// With a cursor (a listing tried again), it goes on at the page after the last one the caller
// took: pages are positions in the list, so asking page 1 again would give those rows twice.
import { readListEnvelope } from './list-envelope'
import { PassPages } from './page-budget'
import type { PageFetcher, PaginateRequest, QueryValue, ZoomPage } from './paginate'

export async function* paginateByNumber<T = unknown>(fetcher: PageFetcher, request: PaginateRequest): AsyncGenerator<ZoomPage<T>, void, undefined> {
  const keys = [request.listKey, ...(request.altListKeys ?? [])]
  const cursor = request.cursor
  // A page_count that grows with every page would be followed forever: the pages are bounded by
  // what the first page's total_records announces (page-budget.ts).
  const pass = new PassPages(request.path, request.pageSize)
  for (let page = cursor?.pageNumber ?? 1; ; page++) {
    const searchParams: Record<string, QueryValue> = { ...request.searchParams, page_number: page }
    if (request.pageSize !== undefined) searchParams.page_size = request.pageSize
    const response = await fetcher.request<unknown>({
      path: request.path,
      searchParams,
      ...(request.family ? { family: request.family } : {}),
      ...(request.category ? { category: request.category } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    })
    const { envelope, rows } = readListEnvelope(response.body, keys)
    pass.take(envelope, rows.length)
    const total = envelope.total_records
    yield { items: rows as T[], index: page - 1, ...(typeof total === 'number' ? { totalRecords: total } : {}), rateLimitWaits: response.waits, restarted: false, skipped: 0 }
    // The caller took the page.
    if (cursor) cursor.pageNumber = page + 1
    const pageCount = envelope.page_count
    const done = typeof pageCount === 'number' ? page >= pageCount : rows.length === 0 || (request.pageSize !== undefined && rows.length < request.pageSize)
    if (done || rows.length === 0 || request.paginated === false) return
  }
}
