// The older page_number pagination a few of Zoom's lists still use instead of next_page_token:
// pages 1, 2, … until Zoom's page_count is reached, or, without one, until a short or empty page.
// With a cursor (a listing tried again), it goes on at the page after the last one the caller
// took: pages are positions in the list, so asking page 1 again would give those rows twice.
import { fetchListPage, pageCall } from './list-page'
import { PassPages } from './page-budget'
import type { PageFetcher, PaginateRequest, QueryValue, ZoomPage } from './paginate'

export async function* paginateByNumber<T = unknown>(fetcher: PageFetcher, request: PaginateRequest): AsyncGenerator<ZoomPage<T>, void, undefined> {
  const keys = [request.listKey, ...(request.altListKeys ?? [])]
  const cursor = request.cursor
  // A page_count that grows with every page would be followed forever: the pages are bounded by
  // what the first page's total_records announces (page-budget.ts).
  const pass = new PassPages(request.path, request.pageSize)
  for (let page = cursor?.pageNumber ?? 1; ; page++) {
    const searchParams: Record<string, QueryValue> = { ...request.searchParams, [request.pageNumberParam ?? 'page_number']: page }
    if (request.pageSize !== undefined) searchParams.page_size = request.pageSize
    const fetched = await fetchListPage(fetcher, pageCall(request, searchParams), keys, request.asBytes ?? false)
    const { envelope } = fetched
    const rows = fetched.rowCount
    pass.take(envelope, rows)
    const total = envelope.total_records
    yield {
      items: fetched.rows as T[],
      index: page - 1,
      ...(typeof total === 'number' ? { totalRecords: total } : {}),
      rateLimitWaits: fetched.waits,
      restarted: false,
      skipped: 0,
      ...(fetched.bytes ? { bytes: fetched.bytes } : {}),
    }
    // The caller took the page.
    if (cursor) cursor.pageNumber = page + 1
    const pageCount = envelope.page_count
    const done = typeof pageCount === 'number' ? page >= pageCount : rows === 0 || (request.pageSize !== undefined && rows < request.pageSize)
    if (done || rows === 0 || request.paginated === false) return
  }
}
