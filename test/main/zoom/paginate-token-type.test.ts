// Zoom's next_page_token is text; '' (or no token) marks the last page. A token of another type (a
// number, an object) is an answer Zoom does not document: taken as "no more pages", the listing
// ended there and was shown as complete with only the pages read so far.
import { describe, expect, it } from 'vitest'
import { paginate, type PageFetcher } from '../../../main/zoom/paginate'
import { caught } from '../../support/caught'

function fetcherWith(next: unknown): PageFetcher & { asked: number } {
  const fetcher = {
    asked: 0,
    async request<T>() {
      fetcher.asked++
      return { body: { users: [{ id: 1 }, { id: 2 }], total_records: 4, next_page_token: next } as T, waits: 0 }
    },
  }
  return fetcher
}

async function drain(fetcher: PageFetcher, ids: number[]): Promise<void> {
  for await (const page of paginate<{ id: number }>(fetcher, { path: '/users', listKey: 'users' })) ids.push(...page.items.map((row) => row.id))
}

describe('a next_page_token that is not text', () => {
  for (const next of [12345, { token: 'A' }, true]) {
    it(`stops with ZOOM_RESPONSE_INVALID after the page that gave ${JSON.stringify(next)}`, async () => {
      const fetcher = fetcherWith(next)
      const ids: number[] = []
      const error = await caught(drain(fetcher, ids))
      expect(error.code).toBe('ZOOM_RESPONSE_INVALID')
      expect(error.message).toMatch(/next_page_token/)
      expect(ids).toEqual([1, 2])
      expect(fetcher.asked).toBe(1)
    })
  }

  for (const last of ['', null, undefined]) {
    it(`ends the listing on ${JSON.stringify(last) ?? 'no token'}`, async () => {
      const ids: number[] = []
      await drain(fetcherWith(last), ids)
      expect(ids).toEqual([1, 2])
    })
  }
})
