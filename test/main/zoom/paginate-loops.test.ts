// A server whose next_page_token leads back to a page already read would be followed forever
// (the rows are dropped as already seen, so nothing shows but the requests going on): any token
// seen before in this listing ends it with a typed error. Zoom's tokens are new for every page.
import { describe, expect, it } from 'vitest'
import { paginate, type PageFetcher } from '../../../main/zoom/paginate'
import { caught } from '../../support/caught'

/** Answers each page token with the page the table names for it ('' is the first page). */
function cyclingFetcher(pages: Record<string, { ids: number[]; next: string }>): PageFetcher & { asked: string[] } {
  const asked: string[] = []
  return {
    asked,
    async request<T>(request: { searchParams?: Record<string, unknown> }) {
      const token = String(request.searchParams?.next_page_token ?? '')
      asked.push(token)
      if (asked.length > 50) throw new Error('followed a loop of page tokens')
      const page = pages[token]
      if (!page) throw new Error(`no page for ${token}`)
      return { body: { users: page.ids.map((id) => ({ id })), next_page_token: page.next } as T, waits: 0 }
    },
  }
}

async function drain(fetcher: PageFetcher): Promise<number[]> {
  const ids: number[] = []
  for await (const page of paginate<{ id: number }>(fetcher, { path: '/users', listKey: 'users' })) ids.push(...page.items.map((row) => row.id))
  return ids
}

describe('next_page_token loops', () => {
  it('stops with ZOOM_RESPONSE_INVALID when a token leads back to an earlier page', async () => {
    const fetcher = cyclingFetcher({ '': { ids: [1, 2], next: 'A' }, A: { ids: [3], next: 'B' }, B: { ids: [4], next: 'A' } })
    const error = await caught(drain(fetcher))
    expect(error.code).toBe('ZOOM_RESPONSE_INVALID')
    expect(fetcher.asked).toEqual(['', 'A', 'B'])
  })

  it('still reads a listing whose tokens are all new to its end', async () => {
    const fetcher = cyclingFetcher({ '': { ids: [1], next: 'A' }, A: { ids: [2], next: 'B' }, B: { ids: [3], next: '' } })
    expect(await drain(fetcher)).toEqual([1, 2, 3])
  })
})
