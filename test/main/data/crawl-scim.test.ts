// A crawl of SCIM2's users list (`/scim2/Users`, paged by startIndex/count) into a dataset, end to
// end: the job manager, the real client and the dataset worker against the sandbox. Every row once,
// pages at the file's largest count, the filter sent along, and a crawl tried again after a
// failure part-way going on at the next startIndex rather than at 1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiCatalog } from '../../../common/zoom/api/types'
import { listSpecFor } from '../../../common/zoom/browse/list-spec'
import type { CatalogSource } from '../../../main/data/jobs/job-manager'
import type { ZoomClient, ZoomClients } from '../../../main/zoom'
import type { Sandbox } from '../../sandbox'
import { ZOOM_OPENAPI_AVAILABLE, zoomOpenApiTitle } from '../../support/zoom-openapi'
import { jobHarness, storedRows } from './harness'
import { listAll, sandboxZoom, startCatalogSandbox } from './sandbox-zoom'

const USERS = '/scim2/Users'

type ScimUser = { id: string; userName: string; name?: { givenName?: string } }

/** The same clients, recording the query of every request for `path` (parsed pages and pages kept as bytes alike). */
function recordQueries(zoom: ZoomClients, path: string, seen: Record<string, unknown>[]): ZoomClients {
  return {
    ...zoom,
    forProfile(profileId) {
      const client = zoom.forProfile(profileId)
      const spy = Object.create(client) as ZoomClient
      const record = (request: { path: string; searchParams?: Record<string, unknown> }) => {
        if (request.path === path) seen.push({ ...request.searchParams })
      }
      spy.request = ((request: Parameters<ZoomClient['request']>[0]) => (record(request), client.request(request))) as ZoomClient['request']
      spy.requestBytes = ((request: Parameters<ZoomClient['requestBytes']>[0]) => (record(request), client.requestBytes(request))) as ZoomClient['requestBytes']
      return spy
    },
  }
}

describe.skipIf(!ZOOM_OPENAPI_AVAILABLE)(zoomOpenApiTitle('crawling SCIM2’s users list'), () => {
  let catalog: ApiCatalog
  let source: CatalogSource
  let sandbox: Sandbox
  let everyone: ScimUser[]

  beforeAll(async () => {
    // Seed 41 gives the sandbox's SCIM users list 166 rows: two pages at Zoom's largest count, 100.
    ;({ catalog, source, sandbox } = await startCatalogSandbox({ seed: 41, users: 10, plan: 'unlimited' }))
    everyone = await listAll<ScimUser>(sandboxZoom(sandbox), listSpecFor(USERS, catalog)!)
  })
  afterAll(() => sandbox.close())

  it('crawls every user into a dataset, 100 a page from startIndex 1, with totalResults as the total', async () => {
    expect(everyone.length).toBeGreaterThan(100)
    expect(new Set(everyone.map((u) => u.id)).size).toBe(everyone.length)
    const asked: Record<string, unknown>[] = []
    const { jobs, finished } = jobHarness(recordQueries(sandboxZoom(sandbox), USERS, asked), { apiCatalog: source })
    const done = await finished(jobs.crawl({ profileId: 'p1', resource: USERS, params: {} }))
    expect(done).toMatchObject({ state: 'done', errors: [], resource: USERS, rows: everyone.length, totalRecords: everyone.length, pages: 2 })
    expect(asked).toEqual([
      { startIndex: 1, count: 100 },
      { startIndex: 101, count: 100 },
    ])
    const dataset = jobs.get(done.jobId).dataset
    expect((await storedRows<ScimUser>(dataset)).map((u) => u.id)).toEqual(everyone.map((u) => u.id))
    // The grid's first columns come from the item's schema, a user's name flattened, e-mails one column.
    const info = await dataset.info()
    expect(info.defaultColumns).toEqual(expect.arrayContaining(['name.givenName', 'name.familyName', 'emails']))
  })

  it('sends the filter with every page and stores only what it selects', async () => {
    const wanted = everyone[150]!
    const asked: Record<string, unknown>[] = []
    const { jobs, finished } = jobHarness(recordQueries(sandboxZoom(sandbox), USERS, asked), { apiCatalog: source })
    const done = await finished(jobs.crawl({ profileId: 'p1', resource: USERS, params: { filter: `userName eq "${wanted.userName}"` } }))
    expect(done.state, done.error?.message).toBe('done')
    expect((await storedRows<ScimUser>(jobs.get(done.jobId).dataset)).map((u) => u.id)).toContain(wanted.id)
    expect(done.rows).toBe(everyone.filter((u) => u.userName.toLowerCase() === wanted.userName.toLowerCase()).length)
    expect(asked.every((query) => query.filter === `userName eq "${wanted.userName}"`)).toBe(true)
  })

  it('a crawl whose second page fails is retried from startIndex 101, not 1, and stores no row twice', async () => {
    const asked: Record<string, unknown>[] = []
    // The client does not retry: the crawl's own retry of the list is what goes on.
    const zoom = recordQueries(sandboxZoom(sandbox, { retry: { limit: 0 } }), USERS, asked)
    sandbox.setFaults([{ kind: 'status', status: 500, pathPrefix: USERS, skip: 1, count: 1 }])
    const { jobs, finished } = jobHarness(zoom, { apiCatalog: source })
    const done = await finished(jobs.crawl({ profileId: 'p1', resource: USERS, params: {} }))
    sandbox.setFaults([])
    expect(done).toMatchObject({ state: 'done', rows: everyone.length })
    expect(asked.map((query) => query.startIndex)).toEqual([1, 101, 101])
    expect((await storedRows<ScimUser>(jobs.get(done.jobId).dataset)).map((u) => u.id)).toEqual(everyone.map((u) => u.id))
  })

  it('a crawl that failed on its second page goes on at startIndex 101 when tried again', async () => {
    const asked: Record<string, unknown>[] = []
    const zoom = recordQueries(sandboxZoom(sandbox, { retry: { limit: 0 } }), USERS, asked)
    // Every try of the second page fails: the crawl stops with the first page stored.
    sandbox.setFaults([{ kind: 'status', status: 500, pathPrefix: USERS, skip: 1 }])
    const { jobs, finished } = jobHarness(zoom, { apiCatalog: source, retry: { attempts: 2 } })
    const failed = await finished(jobs.crawl({ profileId: 'p1', resource: USERS, params: {} }))
    expect(failed).toMatchObject({ state: 'failed', rows: 100 })
    sandbox.setFaults([])
    jobs.retryFailed(failed.jobId)
    const done = await finished(failed.jobId)
    expect(done).toMatchObject({ state: 'done', rows: everyone.length })
    expect(asked.map((query) => query.startIndex)).toEqual([1, 101, 101, 101])
    expect((await storedRows<ScimUser>(jobs.get(done.jobId).dataset)).map((u) => u.id)).toEqual(everyone.map((u) => u.id))
  })
})
