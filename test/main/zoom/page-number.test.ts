import { describe, expect, it } from 'vitest'
import { paginateByNumber } from '../../../main/zoom/page-number'
import type { PageFetcher, Query } from '../../../main/zoom/paginate'

function fetcher(pages: unknown[]): PageFetcher & { asked: Query[] } {
  const asked: Query[] = []
  return {
    asked,
    async request<T>({ searchParams }: { searchParams?: Query }) {
      asked.push(searchParams ?? {})
      return { body: pages[Number(searchParams?.page_number) - 1] as T, waits: 0 }
    },
  }
}

describe('page_number pagination', () => {
  it("follows page numbers up to Zoom's page_count", async () => {
    const source = fetcher([
      { page_count: 2, total_records: 3, rows: [1, 2] },
      { page_count: 2, total_records: 3, rows: [3] },
    ])
    const items: unknown[] = []
    for await (const page of paginateByNumber(source, { path: '/x', listKey: 'rows', pageSize: 2 })) items.push(...page.items)
    expect(items).toEqual([1, 2, 3])
    expect(source.asked.map((q) => q.page_number)).toEqual([1, 2])
  })

  it('without a page_count, stops at a short page', async () => {
    const source = fetcher([{ rows: [1, 2] }, { rows: [3] }, { rows: [4] }])
    const items: unknown[] = []
    for await (const page of paginateByNumber(source, { path: '/x', listKey: 'rows', pageSize: 2 })) items.push(...page.items)
    expect(items).toEqual([1, 2, 3])
  })

  it('refuses rows that are not a list', async () => {
    const pages = paginateByNumber(fetcher([{ rows: 'nope' }]), { path: '/x', listKey: 'rows' })
    await expect(pages.next()).rejects.toMatchObject({ code: 'ZOOM_RESPONSE_INVALID' })
  })

  it('pages kept as bytes: the same page numbers and end, counted from the bytes', async () => {
    const pages = [{ rows: [1, 2] }, { rows: [3, 4] }, { rows: [5] }, { rows: [6] }]
    const asked: Query[] = []
    const source: PageFetcher = {
      request: () => Promise.reject(new Error('a page kept as bytes is not parsed on main')),
      async requestBytes({ searchParams }) {
        asked.push(searchParams ?? {})
        return { body: new TextEncoder().encode(JSON.stringify(pages[Number(searchParams?.page_number) - 1])), waits: 0 }
      },
    }
    const counts: number[] = []
    for await (const page of paginateByNumber(source, { path: '/x', listKey: 'rows', pageSize: 2, asBytes: true })) {
      expect(page.items).toEqual([])
      counts.push(page.bytes?.rows ?? -1)
    }
    // Without a page_count, the short third page is the last.
    expect(counts).toEqual([2, 2, 1])
    expect(asked.map((q) => q.page_number)).toEqual([1, 2, 3])
  })
})
