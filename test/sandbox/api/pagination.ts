// next_page_token pagination as Zoom does it: the token is tied to the query it came from,
// expires after 15 minutes, and is "" on the last page. Tokens are stateless (offset, issue time
// and a checksum over the query, lower-case base 36 joined by 'Z'), so a 100,000-user crawl
// leaves nothing behind.
import type { Clock } from '../clock'
import { hashString } from '../hash'

/** Query parameters that select a page rather than the result set. */
const PAGING_PARAMS = new Set(['page_size', 'next_page_token', 'page_number'])

/** A key identifying the result set: the path plus every non-paging parameter. */
export function resultSetKey(path: string, query: URLSearchParams): string {
  let key = path
  for (const [name, value] of query) if (!PAGING_PARAMS.has(name)) key += `&${name}=${value}`
  return key
}

/** Zoom clamps an oversized page_size to the endpoint's maximum; junk means the default. */
export function pageSizeOf(query: URLSearchParams, max: number, fallback = 30): number {
  const raw = query.get('page_size')
  if (raw === null || raw === '') return Math.min(fallback, max)
  const n = Number(raw)
  if (!Number.isFinite(n) || n < 1) return Math.min(fallback, max)
  return Math.min(Math.floor(n), max)
}

export type PageStart = { ok: true; offset: number } | { ok: false }

export class PageTokens {
  constructor(
    private readonly clock: Clock,
    private readonly secret: string,
    private readonly lifetimeSeconds: number,
  ) {}

  issue(setKey: string, offset: number): string {
    const body = `${offset.toString(36)}Z${Math.floor(this.clock.now() / 1000).toString(36)}`
    return `${body}Z${this.checksum(setKey, body)}`
  }

  /** Where a page starts: from next_page_token, else the deprecated page_number, else 0. */
  start(setKey: string, query: URLSearchParams, pageSize: number): PageStart {
    const token = query.get('next_page_token')
    if (token !== null && token !== '') return this.read(setKey, token)
    const pageNumber = Number(query.get('page_number') ?? '1')
    const page = Number.isInteger(pageNumber) && pageNumber > 1 ? pageNumber : 1
    return { ok: true, offset: (page - 1) * pageSize }
  }

  private read(setKey: string, token: string): PageStart {
    const parts = token.split('Z')
    if (parts.length !== 3) return { ok: false }
    const [offsetText, issuedText, sum] = parts as [string, string, string]
    if (this.checksum(setKey, `${offsetText}Z${issuedText}`) !== sum) return { ok: false }
    const issuedMs = parseInt(issuedText, 36) * 1000
    if (this.clock.now() - issuedMs >= this.lifetimeSeconds * 1000) return { ok: false }
    return { ok: true, offset: parseInt(offsetText, 36) }
  }

  private checksum(setKey: string, body: string): string {
    const a = hashString(`${this.secret}|${setKey}|${body}`)
    const b = hashString(`${body}|${setKey}|${this.secret}`, a)
    return a.toString(36) + b.toString(36)
  }
}

export interface PageInfo {
  pageSize: number
  offset: number
  total: number
  nextPageToken: string
  pageCount: number
  pageNumber: number
}

/** Computes the envelope numbers of one page. */
export function pageInfo(tokens: PageTokens, setKey: string, offset: number, pageSize: number, total: number): PageInfo {
  const end = offset + pageSize
  return {
    pageSize,
    offset,
    total,
    nextPageToken: end < total ? tokens.issue(setKey, end) : '',
    pageCount: Math.ceil(total / pageSize),
    pageNumber: Math.floor(offset / pageSize) + 1,
  }
}
