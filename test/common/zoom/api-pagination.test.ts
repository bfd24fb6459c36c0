// How the catalog says a list pages, checked against what the list answers.
import { describe, expect, it } from 'vitest'
import { buildApiCatalog } from '../../../common/zoom/api/parse'
import { listSpecFor } from '../../../common/zoom/browse/list-spec'
import { paginateByNumber } from '../../../main/zoom/page-number'
import type { PageFetcher } from '../../../main/zoom/paginate'
import { ZOOM_OPENAPI_AVAILABLE, zoomOpenApiFiles, zoomOpenApiTitle } from '../../support/zoom-openapi'

describe.skipIf(!ZOOM_OPENAPI_AVAILABLE)(zoomOpenApiTitle('pagination detection'), () => {
  const catalog = ZOOM_OPENAPI_AVAILABLE ? buildApiCatalog(zoomOpenApiFiles()) : buildApiCatalog([])

  it('a list whose answer carries next_page_token pages by it, even where the parameter is not declared', () => {
    const undeclared = catalog.operations.filter((op) => op.method === 'GET' && op.listKey !== undefined && op.responseSchema && JSON.stringify(op.responseSchema).includes('"next_page_token"') && op.pagination !== 'next_page_token')
    expect(undeclared.map((op) => `${op.path} (${op.pagination})`)).toEqual([])
    // e.g. List call queue members: a queue with more members than one page was listed as its first page.
    expect(listSpecFor('/phone/call_queues/{callQueueId}/members', catalog)?.pagination).toBe('next_page_token')
  })

  it('Commerce’s orders and quotes page with page_num', () => {
    for (const path of ['/commerce/orders', '/commerce/quotes']) {
      const spec = listSpecFor(path, catalog)
      expect(spec?.pagination, path).toBe('page_number')
      expect(spec?.pageNumberParam, path).toBe('page_num')
    }
  })

  it('page_num paging asks page_num=2 for the second page', async () => {
    const asked: Record<string, unknown>[] = []
    const fetcher = {
      async request(req: { searchParams?: Record<string, unknown> }) {
        asked.push({ ...req.searchParams })
        const n = asked.length
        return { status: 200, headers: {}, body: { page_count: 2, order_list: [{ id: `o${n}` }] }, waits: 0 }
      },
    } as unknown as PageFetcher
    const pages = []
    for await (const page of paginateByNumber(fetcher, { path: '/commerce/orders', listKey: 'order_list', pageNumberParam: 'page_num' } as never)) pages.push(page)
    expect(asked.map((q) => q.page_num)).toEqual([1, 2])
    expect(asked.some((q) => 'page_number' in q)).toBe(false)
  })
})
