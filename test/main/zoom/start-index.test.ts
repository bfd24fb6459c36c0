// SCIM's startIndex/count paging (main/zoom/start-index.ts) against a fake Zoom whose list can
// change between pages: where it asks, where it stops, and where a listing tried again goes on.
import { describe, expect, it } from 'vitest'
import { newPageCursor, type PageFetcher, type Query } from '../../../main/zoom/paginate'
import { paginateByStartIndex } from '../../../main/zoom/start-index'

/** A SCIM list of `rows()` (asked again for every page, so it may change), answered per RFC 7644. */
function scim(rows: () => number[], options: { total?: () => unknown; cap?: number } = {}): PageFetcher & { asked: Query[] } {
  const asked: Query[] = []
  const answer = (searchParams: Query | undefined) => {
    asked.push(searchParams ?? {})
    const all = rows()
    const start = Math.max(1, Number(searchParams?.startIndex ?? 1))
    const count = Math.min(Number(searchParams?.count ?? 1), options.cap ?? Infinity)
    const page = all.slice(start - 1, start - 1 + count)
    return { schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: options.total ? options.total() : all.length, startIndex: start, itemsPerPage: page.length, Resources: page.map((id) => ({ id: String(id) })) }
  }
  return {
    asked,
    async request<T>({ searchParams }: { searchParams?: Query }) {
      return { body: answer(searchParams) as T, waits: 0 }
    },
  }
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)

async function ids(pages: AsyncIterable<{ items: unknown[] }>): Promise<number[]> {
  const out: number[] = []
  for await (const page of pages) out.push(...page.items.map((row) => Number((row as { id: string }).id)))
  return out
}

describe('startIndex/count pagination (SCIM)', () => {
  it('asks count rows from startIndex 1, 1 + count, … until totalResults, and reports the total', async () => {
    const source = scim(() => range(1, 250))
    const totals: (number | undefined)[] = []
    const out: number[] = []
    for await (const page of paginateByStartIndex(source, { path: '/scim2/Users', listKey: 'Resources', pageSize: 100 })) {
      totals.push(page.totalRecords)
      out.push(...page.items.map((row) => Number((row as { id: string }).id)))
    }
    expect(out).toEqual(range(1, 250))
    expect(source.asked).toEqual([
      { startIndex: 1, count: 100 },
      { startIndex: 101, count: 100 },
      { startIndex: 201, count: 100 },
    ])
    expect(totals).toEqual([250, 250, 250])
  })

  it('a list exactly a whole number of pages long ends at its total, without asking an empty page', async () => {
    const source = scim(() => range(1, 200))
    expect(await ids(paginateByStartIndex(source, { path: '/x', listKey: 'Resources', pageSize: 100 }))).toEqual(range(1, 200))
    expect(source.asked.map((q) => q.startIndex)).toEqual([1, 101])
  })

  it('follows a total that grows mid-crawl to the new end, and stops early at one that shrinks', async () => {
    let grown = false
    const growing = scim(() => (grown ? range(1, 260) : range(1, 200)))
    const out: number[] = []
    for await (const page of paginateByStartIndex(growing, { path: '/x', listKey: 'Resources', pageSize: 100 })) {
      out.push(...page.items.map((row) => Number((row as { id: string }).id)))
      grown = true
    }
    expect(out).toEqual(range(1, 260))
    expect(growing.asked.map((q) => q.startIndex)).toEqual([1, 101, 201])

    let shrunk = false
    const shrinking = scim(() => (shrunk ? range(1, 150) : range(1, 300)))
    const kept: number[] = []
    for await (const page of paginateByStartIndex(shrinking, { path: '/x', listKey: 'Resources', pageSize: 100 })) {
      kept.push(...page.items.map((row) => Number((row as { id: string }).id)))
      shrunk = true
    }
    expect(kept).toEqual(range(1, 150))
    expect(shrinking.asked.map((q) => q.startIndex)).toEqual([1, 101])
  })

  it('goes on after a short page while the total says there is more, and stops at an empty page whatever totalResults claims', async () => {
    // The server gives 40 rows a page although 100 were asked (its own maximum), of 1,000 rows.
    const short = scim(() => range(1, 1000), { cap: 40 })
    expect(await ids(paginateByStartIndex(short, { path: '/x', listKey: 'Resources', pageSize: 100 }))).toEqual(range(1, 1000))
    expect(short.asked.map((q) => q.startIndex)).toEqual(range(0, 24).map((i) => 1 + 40 * i))
    // A total that says more than there is: the empty page after the last row ends the listing.
    const lying = scim(() => range(1, 200), { total: () => 10_000 })
    expect(await ids(paginateByStartIndex(lying, { path: '/x', listKey: 'Resources', pageSize: 100 }))).toEqual(range(1, 200))
    expect(lying.asked.map((q) => q.startIndex)).toEqual([1, 101, 201])
  })

  it('without a usable totalResults, pages until a short page', async () => {
    const source = scim(() => range(1, 130), { total: () => 'many' })
    expect(await ids(paginateByStartIndex(source, { path: '/x', listKey: 'Resources', pageSize: 100 }))).toEqual(range(1, 130))
  })

  it('a listing tried again goes on at the row after the last page taken, never from 1', async () => {
    const source = scim(() => range(1, 250))
    // The third page fails once (a network error, say): the first two were taken.
    let failOnce = true
    const flaky: PageFetcher = {
      async request<T>(call: { searchParams?: Query }) {
        if (call.searchParams?.startIndex === 201 && failOnce) {
          failOnce = false
          throw new Error('connection reset')
        }
        return source.request<T>(call as never)
      },
    }
    const cursor = newPageCursor({ rememberTaken: false })
    const first: number[] = []
    await expect(
      (async () => {
        for await (const page of paginateByStartIndex(flaky, { path: '/x', listKey: 'Resources', pageSize: 100, cursor })) first.push(...page.items.map((row) => Number((row as { id: string }).id)))
      })(),
    ).rejects.toThrow('connection reset')
    expect(first).toEqual(range(1, 200))
    expect(cursor.startIndex).toBe(201)
    const rest = await ids(paginateByStartIndex(flaky, { path: '/x', listKey: 'Resources', pageSize: 100, cursor }))
    expect(rest).toEqual(range(201, 250))
    expect(source.asked.map((q) => q.startIndex)).toEqual([1, 101, 201])
    expect(cursor.startIndex).toBe(251)
  })

  it('a page not taken (the caller stopped before asking for the next) is asked again', async () => {
    const source = scim(() => range(1, 250))
    const cursor = newPageCursor({ rememberTaken: false })
    for await (const page of paginateByStartIndex(source, { path: '/x', listKey: 'Resources', pageSize: 100, cursor })) {
      expect(page.items).toHaveLength(100)
      break
    }
    expect(cursor.startIndex).toBe(1)
  })

  it('the filter and other query parameters go with every page', async () => {
    const source = scim(() => range(1, 150))
    await ids(paginateByStartIndex(source, { path: '/x', listKey: 'Resources', pageSize: 100, searchParams: { filter: 'userName eq "a@b.c"' } }))
    expect(source.asked.map((q) => q.filter)).toEqual(['userName eq "a@b.c"', 'userName eq "a@b.c"'])
  })

  it('a server that keeps adding rows one page at a time is stopped by the page budget', async () => {
    let n = 100
    // Every page is full and the total always one page further: never short, never at the total.
    const endless = scim(() => range(1, (n += 100)))
    await expect(ids(paginateByStartIndex(endless, { path: '/x', listKey: 'Resources', pageSize: 100 }))).rejects.toMatchObject({ code: 'ZOOM_RESPONSE_INVALID' })
  })
})
