// SCIM's pagination (RFC 7644 §3.4.2.4), which Zoom's SCIM2 lists use instead of page tokens:
// the client asks for `count` rows starting at the 1-based `startIndex`, and each answer says
// `totalResults` (every row of the list), `itemsPerPage` and its rows under `Resources`. Pages go
// on at startIndex + rows received until totalResults is reached, as the latest page says it (a
// list that grows or shrinks meanwhile is followed to its new end). A page shorter than the count
// asked does not end a list whose total says there is more: a service provider may answer fewer
// rows than asked (RFC 7644 §3.4.2.4, "count": it may cap it at its own maximum), and stopping
// there would drop the rest without a word. An empty page ends the listing, and so does a short
// one when no total is given, so a total that is wrong or keeps growing cannot make it loop
// (page-budget.ts bounds the pages of one pass besides).
// With a cursor (a listing tried again), it goes on at the row after the last one the caller
// took: startIndex is a position in the list, so starting at 1 again would give those rows twice.
import { fetchListPage, pageCall } from './list-page'
import { PassPages } from './page-budget'
import type { PageFetcher, PaginateRequest, QueryValue, ZoomPage } from './paginate'

/** A count SCIM answers with: a whole number ≥ 0, else not one (the listing then ends by its pages alone). */
function countOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined
}

export async function* paginateByStartIndex<T = unknown>(fetcher: PageFetcher, request: PaginateRequest): AsyncGenerator<ZoomPage<T>, void, undefined> {
  const keys = [request.listKey, ...(request.altListKeys ?? [])]
  const cursor = request.cursor
  const count = request.pageSize
  const pass = new PassPages(request.path, count)
  let startIndex = Math.max(1, cursor?.startIndex ?? 1)
  for (let index = 0; ; index++) {
    const searchParams: Record<string, QueryValue> = { ...request.searchParams, startIndex }
    if (count !== undefined) searchParams.count = count
    const fetched = await fetchListPage(fetcher, pageCall(request, searchParams), keys, request.asBytes ?? false)
    const rows = fetched.rowCount
    const total = countOf(fetched.envelope.totalResults)
    // The page budget reads Zoom's usual names for the total and the page size.
    pass.take({ total_records: total, page_size: countOf(fetched.envelope.itemsPerPage) }, rows)
    yield {
      items: fetched.rows as T[],
      index,
      ...(total !== undefined ? { totalRecords: total } : {}),
      rateLimitWaits: fetched.waits,
      restarted: false,
      skipped: 0,
      ...(fetched.bytes ? { bytes: fetched.bytes } : {}),
    }
    // The caller took the page: a later try starts at the row after it.
    const next = startIndex + rows
    if (cursor) cursor.startIndex = next
    const short = count !== undefined && rows < count && total === undefined
    const reachedTotal = total !== undefined && next > total
    if (rows === 0 || short || reachedTotal || request.paginated === false) return
    startIndex = next
  }
}
