// A server that never stops paging — a new, distinct next_page_token on every page, or a
// page_count that grows with every page — is followed only so far: twice the pages its
// total_records announces plus 100, or 100,000 pages without a total. Then the listing ends
// with ZOOM_RESPONSE_INVALID instead of going on (and growing its memory) forever.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Profile } from '../../../common/profile'
import { createZoomClients } from '../../../main/zoom'
import { MAX_PAGES } from '../../../main/zoom/page-budget'
import { paginateByNumber } from '../../../main/zoom/page-number'
import { paginate, type PageFetcher } from '../../../main/zoom/paginate'
import { FAST_RETRY, FAST_TIMEOUTS, loopbackProfile, profileLookup } from './sandbox-helpers'
import { caught } from '../../support/caught'

/** Without the budget the listing would never end: past this many requests the server stops paging, so a missing budget fails the test instead of hanging it. */
const SERVER_GIVES_UP_AFTER = 1_000

let server: Server
let url: string
let requests = 0

beforeAll(async () => {
  server = createServer((_req, res) => {
    requests++
    const more = requests < SERVER_GIVES_UP_AFTER
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ total_records: 3, page_size: 300, next_page_token: more ? `token-${requests}` : '', users: [{ id: `u${requests}` }] }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

function profile(): Profile {
  return loopbackProfile(url, { name: 'Endless' })
}

/** An in-memory list: `page(n)` answers the n-th request (1-based). */
function fetcher(page: (n: number, query: Record<string, unknown>) => Record<string, unknown>, giveUpAfter: number): PageFetcher & { asked: number } {
  const state = {
    asked: 0,
    async request<T>(request: { searchParams?: Record<string, unknown> }) {
      state.asked++
      if (state.asked > giveUpAfter) throw new Error('followed an endless listing')
      return { body: page(state.asked, request.searchParams ?? {}) as T, waits: 0 }
    },
  }
  return state
}

async function pagesOf(pages: AsyncGenerator<{ items: unknown[] }>): Promise<number> {
  let count = 0
  for await (const page of pages) if (page) count++
  return count
}

describe('endless listings', () => {
  it('stops distinct next_page_tokens after twice the pages total_records announces plus 100 (through the client, over HTTP)', async () => {
    requests = 0
    const client = createZoomClients({ tokens: { getAccessToken: async () => ({ accessToken: 'token-for-endless' }) }, profiles: profileLookup(profile()), retry: FAST_RETRY, timeouts: FAST_TIMEOUTS, rateLimiting: false }).forProfile('p1')
    let taken = 0
    const error = await caught(
      (async () => {
        for await (const page of client.paginate({ path: '/users', listKey: 'users', pageSize: 300 })) taken += page.items.length
      })(),
    )
    expect(error.code).toBe('ZOOM_RESPONSE_INVALID')
    expect(error.message).toContain('/users')
    expect(error.message).toContain('3 records')
    // 3 records, 1 a page (the first page's rows count as its page size when fewer than 300):
    // 3 pages expected, 2 × 3 + 100 = 106 taken, the 107th refused.
    expect(taken).toBe(106)
    expect(requests).toBe(107)
  })

  it(`stops a listing without total_records after ${MAX_PAGES.toLocaleString('en')} pages`, async () => {
    const endless = fetcher((n) => ({ users: [{ id: n }], next_page_token: `t${n}` }), MAX_PAGES + 10)
    let taken = 0
    const error = await caught(
      (async () => {
        for await (const page of paginate(endless, { path: '/rooms', listKey: 'users' })) taken += page.items.length
      })(),
    )
    expect(error.code).toBe('ZOOM_RESPONSE_INVALID')
    expect(taken).toBe(MAX_PAGES)
  })

  it('stops page_number paging whose page_count keeps growing', async () => {
    const growing = fetcher((n) => ({ total_records: 3, page_size: 300, page_count: n + 1, page_number: n, users: [{ id: n }] }), SERVER_GIVES_UP_AFTER)
    const error = await caught(pagesOf(paginateByNumber(growing, { path: '/report/things', listKey: 'users', pageSize: 300 })))
    expect(error.code).toBe('ZOOM_RESPONSE_INVALID')
    expect(growing.asked).toBe(107)
  })

  it('reads an honest long listing to its end, even when Zoom fills pages less than page_size', async () => {
    // 1,000 records announced at 300 a page, but Zoom gives 10 a page: 100 pages, all taken.
    const honest = fetcher((n) => ({ total_records: 1000, page_size: 300, users: Array.from({ length: 10 }, (_, i) => ({ id: n * 10 + i })), next_page_token: n < 100 ? `t${n}` : '' }), 200)
    expect(await pagesOf(paginate(honest, { path: '/users', listKey: 'users', pageSize: 300 }))).toBe(100)
    const numbered = fetcher((n) => ({ total_records: 1000, page_size: 10, page_count: 100, users: Array.from({ length: 10 }, (_, i) => ({ id: n * 10 + i })) }), 200)
    expect(await pagesOf(paginateByNumber(numbered, { path: '/users', listKey: 'users', pageSize: 10 }))).toBe(100)
  })
})
