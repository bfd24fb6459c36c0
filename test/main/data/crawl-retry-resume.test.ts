// A unit that fails part-way (some pages stored, then a 5xx) is tried again from where it
// stopped, not from its first page: a fanned-out list keeps every row (rows have no id to drop a
// repeat by), so starting over would store the first pages twice. Faults come from the sandbox,
// on a request in the middle of one unit's listing; the client itself does not retry, so the
// crawl's own retry of the unit is what is tested.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiCatalog } from '../../../common/zoom/api/types'
import { listSpecFor } from '../../../common/zoom/browse/list-spec'
import type { CatalogSource } from '../../../main/data/jobs/job-manager'
import type { ZoomClient, ZoomClients } from '../../../main/zoom'
import type { Sandbox } from '../../sandbox'
import { ZOOM_OPENAPI_AVAILABLE, zoomOpenApiTitle } from '../../support/zoom-openapi'
import { jobHarness, storedRows } from './harness'
import { listAll, sandboxZoom, spyZoom, startCatalogSandbox } from './sandbox-zoom'

const NOW = Date.UTC(2026, 2, 4, 12)
const PAGE = 2

type Agent = Record<string, unknown> & { queueId?: string }
const AGENTS = '/contact_center/queues/{queueId}/agents'

/** The same clients, recording the query of every request one path answers (and asking `pageSize` a page). */
function recordQueries(zoom: ZoomClients, path: string, pageSize: number, seen: Record<string, unknown>[]): ZoomClients {
  return {
    ...zoom,
    forProfile(profileId) {
      const client = zoom.forProfile(profileId)
      const spy = Object.create(client) as ZoomClient
      spy.request = ((request: Parameters<ZoomClient['request']>[0]) => {
        if (request.path !== path) return client.request(request)
        const searchParams = { ...request.searchParams, page_size: pageSize }
        seen.push(searchParams)
        return client.request({ ...request, searchParams })
      }) as ZoomClient['request']
      return spy
    },
  }
}

describe.skipIf(!ZOOM_OPENAPI_AVAILABLE)(zoomOpenApiTitle('a unit retried after a partial fetch'), () => {
  let sandbox: Sandbox
  let catalog: ApiCatalog
  let source: CatalogSource

  beforeAll(async () => {
    ;({ catalog, source, sandbox } = await startCatalogSandbox({ seed: 23, users: 20, plan: 'unlimited', now: () => NOW }))
  })
  afterAll(() => sandbox.close())

  it('goes on from the stored next_page_token: every contact-center queue agent once, none twice', async () => {
    // The client gives up at once; the crawl's retry of the unit is what must not duplicate.
    const zoom = sandboxZoom(sandbox, { retry: { limit: 0 } })
    const spec = listSpecFor(AGENTS, catalog)!
    // Token-paged, and rows without an id: nothing else would drop a repeated row.
    expect(spec).toMatchObject({ pagination: 'next_page_token', idKeys: [] })
    const queues = await listAll<{ queue_id: string }>(zoom, listSpecFor('/contact_center/queues', catalog)!)
    const agents = new Map<string, Agent[]>()
    for (const { queue_id: id } of queues) agents.set(id, await listAll<Agent>(zoom, spec, { queueId: id }))
    // A queue with at least three pages of agents at two a page.
    const brokenId = queues.map((queue) => queue.queue_id).find((id) => (agents.get(id)?.length ?? 0) > 2 * PAGE)
    expect(brokenId, 'a queue with several pages of agents').toBeDefined()

    const asked: (string | undefined)[] = []
    const paged = spyZoom(
      zoom,
      async function* (request, pages) {
        if (request.path.includes(brokenId!)) asked.push(request.cursor?.pageToken)
        yield* pages
      },
      { pageSize: PAGE },
    )
    // Its first page answers, its second fails once: one page stored, then the unit is retried.
    sandbox.setFaults([{ kind: 'status', status: 500, pathPrefix: `/v2/contact_center/queues/${brokenId}/agents`, skip: 1, count: 1 }])
    const { jobs, finished } = jobHarness(paged, { apiCatalog: source })
    const done = await finished(jobs.crawl({ profileId: 'p1', resource: AGENTS, params: {} }))
    const fired = sandbox.listFaults()[0]?.fired
    sandbox.setFaults([])

    expect(fired).toBe(1)
    expect(done).toMatchObject({ state: 'done', errors: [], unitsTotal: queues.length })
    const rows = await storedRows<Agent>(jobs.get(done.jobId).dataset)
    expect(rows).toHaveLength([...agents.values()].reduce((sum, list) => sum + list.length, 0))
    const strip = ({ queueId: _queue, ...row }: Agent) => JSON.stringify(row)
    expect(rows.filter((row) => row.queueId === brokenId).map(strip).sort()).toEqual(agents.get(brokenId!)!.map(strip).sort())
    // Tried twice; the second try began at the token of the page after the one stored.
    expect(asked).toHaveLength(2)
    expect(asked[0]).toBe('')
    expect(asked[1]).not.toBe('')
  })

  // A list without ids is stored a page at a time, and its cursor remembers the rows it gave: a
  // Cancel and an immediate Resume must neither store the page at hand again nor skip it, whether
  // the Cancel comes before that page is stored or after (before the next is asked for).
  for (const moment of ['before its page is stored', 'after its page is stored'] as const) {
    it(`cancelled and resumed at once ${moment}: every agent of the queue once`, async () => {
      const zoom = sandboxZoom(sandbox, { retry: { limit: 0 } })
      const spec = listSpecFor(AGENTS, catalog)!
      expect(spec.idKeys).toEqual([])
      const queues = await listAll<{ queue_id: string }>(zoom, listSpecFor('/contact_center/queues', catalog)!)
      const agents = new Map<string, Agent[]>()
      for (const { queue_id: id } of queues) agents.set(id, await listAll<Agent>(zoom, spec, { queueId: id }))
      const queueId = queues.map((queue) => queue.queue_id).find((id) => (agents.get(id)?.length ?? 0) > 2 * PAGE)
      expect(queueId, 'a queue with several pages of agents').toBeDefined()

      // The crawl's id, once it has started (the spy below runs after).
      const crawl: { jobId?: string } = {}
      let resumed: Promise<void> | undefined
      const cancelAndResume = () => {
        const job = jobs.get(crawl.jobId!)
        job.cancel()
        expect(job.snapshot().state).toBe('cancelled')
        resumed = job.resume()
      }
      const paged = spyZoom(
        zoom,
        async function* (request, pages) {
          let given = 0
          for await (const page of pages) {
            const second = request.path.includes(queueId!) && ++given === 2 && resumed === undefined
            if (second && moment === 'before its page is stored') cancelAndResume()
            yield page
            if (second && moment === 'after its page is stored') cancelAndResume()
          }
        },
        { pageSize: PAGE },
      )
      // One unit at a time, so the queue's listing is the only one the Cancel interrupts.
      const { jobs } = jobHarness(paged, { apiCatalog: source, concurrency: 1 })
      const jobId = (crawl.jobId = (await jobs.crawl({ profileId: 'p1', resource: AGENTS, params: {} })).jobId)
      await jobs.get(jobId).start()
      expect(resumed, 'the crawl was cancelled at the second page').toBeDefined()
      await resumed
      const done = jobs.get(jobId).snapshot()

      expect(done).toMatchObject({ state: 'done', errors: [], unitsTotal: queues.length })
      const rows = await storedRows<Agent>(jobs.get(jobId).dataset)
      const strip = ({ queueId: _queue, ...row }: Agent) => JSON.stringify(row)
      expect(rows.filter((row) => row.queueId === queueId).map(strip).sort()).toEqual(agents.get(queueId!)!.map(strip).sort())
      expect(rows).toHaveLength([...agents.values()].reduce((sum, list) => sum + list.length, 0))
    })
  }

  it('goes on at the next page_number: page 1 is not asked again', async () => {
    const path = '/commerce/accounts'
    const spec = listSpecFor(path, catalog)!
    expect(spec.pagination).toBe('page_number')
    const zoom = sandboxZoom(sandbox, { retry: { limit: 0 } })
    const reference: Record<string, unknown>[] = []
    const everything = await listAll<Record<string, unknown>>(recordQueries(zoom, path, PAGE, reference), spec)
    expect(reference.length, 'several pages at two a page').toBeGreaterThan(2)

    const asked: Record<string, unknown>[] = []
    sandbox.setFaults([{ kind: 'status', status: 500, pathPrefix: `/v2${path}`, skip: 1, count: 1 }])
    const { jobs, finished } = jobHarness(recordQueries(zoom, path, PAGE, asked), { apiCatalog: source })
    const done = await finished(jobs.crawl({ profileId: 'p1', resource: path, params: {} }))
    sandbox.setFaults([])

    expect(done).toMatchObject({ state: 'done' })
    // Page 1, page 2 (failed), then page 2 again and on; never page 1 a second time.
    expect(asked.map((query) => query.page_number)).toEqual([1, 2, ...reference.slice(1).map((query) => query.page_number)])
    expect((await storedRows(jobs.get(done.jobId).dataset)).map((row) => JSON.stringify(row))).toEqual(everything.map((row) => JSON.stringify(row)))
  })
})
