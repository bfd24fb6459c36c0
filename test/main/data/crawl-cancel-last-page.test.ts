// A Cancel that comes while a listing's last page is being stored: the listing has given every
// page, and its cursor says so by going back to '' (no next_page_token). The listing is complete
// once that store ends; Resume must not list it again from its first page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiCatalog } from '../../../common/zoom/api/types'
import { listSpecFor } from '../../../common/zoom/browse/list-spec'
import type { CatalogSource } from '../../../main/data/jobs/job-manager'
import { type Sandbox, startSandbox } from '../../sandbox'
import { ZOOM_OPENAPI_AVAILABLE, zoomOpenApiTitle } from '../../support/zoom-openapi'
import { jobHarness, storedRows } from './harness'
import { apiRequests, builtIn, listAll, sandboxZoom, spyZoom, startCatalogSandbox } from './sandbox-zoom'

describe('Cancel while the last page of a list is stored, then Resume', () => {
  let sandbox: Sandbox
  let expectedIds: string[]

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 11, users: 350, plan: 'unlimited' })
    expectedIds = (await listAll<{ id: string }>(sandboxZoom(sandbox), builtIn('/users'))).map((user) => user.id)
    expect(expectedIds.length).toBeGreaterThan(200)
  })
  afterAll(() => sandbox.close())

  it('a list with ids: Resume asks Zoom for nothing more', async () => {
    const { jobs } = jobHarness(spyZoom(sandboxZoom(sandbox), undefined, { pageSize: 100 }))
    const { jobId } = await jobs.crawl({ profileId: 'p1', resource: 'users', params: {} })
    const job = jobs.get(jobId)
    const addPage = job.dataset.addPage.bind(job.dataset)
    let stores = 0
    job.dataset.addPage = (page, context) => {
      // The last page (100 users a page): Cancel as its store begins.
      if (++stores === Math.ceil(expectedIds.length / 100)) job.cancel()
      return addPage(page, context)
    }
    await job.start()
    expect(job.snapshot()).toMatchObject({ state: 'cancelled', rows: expectedIds.length })
    const before = apiRequests(sandbox)
    await job.resume()
    expect(job.snapshot()).toMatchObject({ state: 'done', rows: expectedIds.length })
    expect(apiRequests(sandbox) - before, 'requests made by Resume').toBe(0)
    expect((await storedRows<{ id: string }>(job.dataset)).map((u) => u.id)).toEqual(expectedIds)
  })
})

const PAGE = 2
const AGENTS = '/contact_center/queues/{queueId}/agents'
type Agent = Record<string, unknown> & { queueId?: string }

describe.skipIf(!ZOOM_OPENAPI_AVAILABLE)(zoomOpenApiTitle('Cancel while the last page of a fanned-out list without ids is stored, then Resume'), () => {
  let sandbox: Sandbox
  let catalog: ApiCatalog
  let source: CatalogSource
  const NOW = Date.UTC(2026, 2, 4, 12)

  beforeAll(async () => {
    ;({ catalog, source, sandbox } = await startCatalogSandbox({ seed: 23, users: 20, plan: 'unlimited', now: () => NOW }))
  })
  afterAll(() => sandbox.close())

  it("the queue's agents are not listed again from their first page", async () => {
    const zoom = sandboxZoom(sandbox, { retry: { limit: 0 } })
    const spec = listSpecFor(AGENTS, catalog)!
    expect(spec).toMatchObject({ pagination: 'next_page_token', idKeys: [] })
    const queues = await listAll<{ queue_id: string }>(zoom, listSpecFor('/contact_center/queues', catalog)!)
    const agents = new Map<string, Agent[]>()
    for (const { queue_id: id } of queues) agents.set(id, await listAll<Agent>(zoom, spec, { queueId: id }))
    const queueId = queues.map((queue) => queue.queue_id).find((id) => (agents.get(id)?.length ?? 0) > 2 * PAGE)!
    expect(queueId, 'a queue with several pages of agents').toBeDefined()
    const pages = Math.ceil(agents.get(queueId)!.length / PAGE)

    const crawl: { jobId?: string } = {}
    let cancelAtStore = false
    const asked: string[] = []
    const paged = spyZoom(
      zoom,
      async function* (request, listing) {
        const mine = request.path.includes(queueId)
        if (mine) asked.push(request.cursor?.pageToken ?? '')
        let given = 0
        for await (const page of listing) {
          // Its last page: Cancel comes while that page is stored.
          if (mine && ++given === pages && asked.length === 1) cancelAtStore = true
          yield page
        }
      },
      { pageSize: PAGE },
    )
    const { jobs } = jobHarness(paged, { apiCatalog: source, concurrency: 1 })
    const jobId = (crawl.jobId = (await jobs.crawl({ profileId: 'p1', resource: AGENTS, params: {} })).jobId)
    const job = jobs.get(jobId)
    const add = job.dataset.add.bind(job.dataset)
    job.dataset.add = (items) => {
      if (cancelAtStore) {
        cancelAtStore = false
        job.cancel()
      }
      return add(items)
    }
    await job.start()
    expect(job.snapshot().state).toBe('cancelled')
    await job.resume()
    expect(job.snapshot()).toMatchObject({ state: 'done', errors: [], unitsDone: queues.length })
    // Listed once, whole; Resume does not begin it again at its first page.
    expect(asked).toEqual([''])
    const rows = await storedRows<Agent>(job.dataset)
    expect(rows).toHaveLength([...agents.values()].reduce((sum, list) => sum + list.length, 0))
  })
})
