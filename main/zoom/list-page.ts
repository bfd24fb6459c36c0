// One page of a list, fetched and read, for both paginations (next_page_token and page_number).
// Read whole (its rows parsed on main) for every caller that looks at the rows; or, for a caller
// that hands the rows to another thread to parse and store (a crawl into a dataset), kept as
// Zoom's bytes with only the envelope read from them (list-envelope-bytes.ts).
import type { RateCategory, RateFamily } from '../../common/zoom/rate-limits'
import { readListEnvelope } from './list-envelope'
import { scanListEnvelope } from './list-envelope-bytes'
import type { PaginateRequest, Query } from './paginate'

/** A page as Zoom sent it: its rows are parsed where they are stored. */
export interface PageBytes {
  /** The answer's bytes (UTF-8 JSON). */
  data: Uint8Array
  /** The member the rows are under; undefined: the page has none. */
  listKey: string | undefined
  /** How many rows are under it. */
  rows: number
  /** Where each row's bytes start and end ([start, end) pairs): each row is read alone. */
  bounds: Uint32Array
}

export interface PageCall {
  path: string
  searchParams?: Query
  family?: RateFamily
  category?: RateCategory
  signal?: AbortSignal
  onRateLimitWait?: (untilMs: number) => void
}

/** The request for one page of a listing. */
export function pageCall(request: PaginateRequest, searchParams: Query): PageCall {
  return {
    path: request.path,
    searchParams,
    ...(request.family ? { family: request.family } : {}),
    ...(request.category ? { category: request.category } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
    ...(request.onRateLimitWait ? { onRateLimitWait: request.onRateLimitWait } : {}),
  }
}

/** What pagination needs from the client: one JSON GET, and the same GET answered as bytes. */
export interface PageFetcher {
  request<T>(request: PageCall): Promise<{ body: T; waits: number }>
  /** The answer's bytes, unparsed (echoed secrets already scrubbed). Absent: pages are always parsed. */
  requestBytes?(request: PageCall): Promise<{ body: Uint8Array; waits: number }>
}

export interface FetchedListPage {
  /** The page's paging fields (next_page_token, total_records, page_count, …). */
  envelope: Record<string, unknown>
  rowCount: number
  /** The rows, parsed (when not `bytes`). */
  rows: unknown[]
  /** The page unparsed, when asked for and the fetcher can give it (`rows` is then empty). */
  bytes?: PageBytes
  waits: number
}

export async function fetchListPage(fetcher: PageFetcher, call: PageCall, keys: readonly string[], asBytes: boolean): Promise<FetchedListPage> {
  if (asBytes && fetcher.requestBytes) {
    const response = await fetcher.requestBytes(call)
    const scanned = scanListEnvelope(response.body, keys)
    return {
      envelope: scanned.envelope,
      rowCount: scanned.rows,
      rows: [],
      bytes: { data: response.body, listKey: scanned.listKey, rows: scanned.rows, bounds: scanned.bounds },
      waits: response.waits,
    }
  }
  const response = await fetcher.request<unknown>(call)
  const { envelope, rows } = readListEnvelope(response.body, keys)
  return { envelope, rowCount: rows.length, rows, waits: response.waits }
}
