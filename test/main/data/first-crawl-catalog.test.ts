// The first crawl of a list that is not built in, on a start whose copies of Zoom's files and
// their pre-parsed index are in the data folder: it is planned from the index and the one product
// file that describes the list (and its parent lists), never by parsing all 31 files.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ApiCatalogService } from '../../../main/catalog'
import { ApiFileCache } from '../../../main/catalog/file-cache'
import { createLogger, memoryLogSink } from '../../../main/log/logger'
import { systemClock } from '../../../main/ports'
import { FolderApiFiles } from '../../fakes/folder-api-files'
import { type Sandbox, startSandbox } from '../../sandbox'
import { seedApiFiles } from '../../support/seed-api-files'
import { ZOOM_OPENAPI_AVAILABLE, ZOOM_OPENAPI_DIR, zoomOpenApiTitle } from '../../support/zoom-openapi'
import { jobHarness } from './harness'
import { sandboxZoom } from './sandbox-zoom'

const NOW = Date.UTC(2026, 2, 4, 12)

describe.skipIf(!ZOOM_OPENAPI_AVAILABLE)(zoomOpenApiTitle('the first crawl of a list of Zoom’s files'), () => {
  let dataDir: string
  let sandbox: Sandbox
  let files: FolderApiFiles
  const service = () => new ApiCatalogService({ dir: path.join(dataDir, 'api-files'), source: files, clock: systemClock, log: createLogger(memoryLogSink(), 'catalog'), build: 'test' })

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'zc-first-crawl-'))
    await seedApiFiles(dataDir)
    files = new FolderApiFiles(ZOOM_OPENAPI_DIR)
    files.offline = true
    // An earlier start built the catalog once, which stores the index beside the copies.
    await service().catalog()
    sandbox = await startSandbox({ seed: 23, users: 20, plan: 'unlimited', now: () => NOW })
  })
  afterAll(async () => {
    await sandbox.close()
    await rm(dataDir, { recursive: true, force: true })
  })
  afterEach(() => vi.restoreAllMocks())

  it('reads only the product file of the list and its parents', async () => {
    const read = vi.spyOn(ApiFileCache.prototype, 'read')
    const catalog = service()
    const { jobs, finished } = jobHarness(sandboxZoom(sandbox), { apiCatalog: catalog })
    const done = await finished(jobs.crawl({ profileId: 'p1', resource: '/contact_center/queues/{queueId}/agents', params: {} }))
    expect(done, done.error?.message).toMatchObject({ state: 'done', errors: [] })
    expect(done.unitsTotal).toBeGreaterThan(0)
    expect(read.mock.calls.map(([product]) => product)).toEqual(['ContactCenter'])
    expect(catalog.loaded).toBeUndefined()
    expect(files.requests).toEqual([])
  })

  it('reads Users besides for a list whose path names a user, and refuses a path no file describes', async () => {
    const read = vi.spyOn(ApiFileCache.prototype, 'read')
    const catalog = service()
    const { jobs, finished } = jobHarness(sandboxZoom(sandbox), { apiCatalog: catalog })
    const done = await finished(jobs.crawl({ profileId: 'p1', resource: '/chat/users/{userId}/channels', params: {} }))
    expect(done, done.error?.message).toMatchObject({ state: 'done' })
    expect(read.mock.calls.map(([product]) => product).sort()).toEqual(['TeamChat', 'Users'])
    await expect(jobs.crawl({ profileId: 'p1', resource: '/no/such/list', params: {} })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('describe no GET /no/such/list') })
    expect(catalog.loaded).toBeUndefined()
  })
})
