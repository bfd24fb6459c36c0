// The catalog.* channels through the real router and core: the index the picker and the console's
// completion read, one operation whole, and what they say before any of Zoom's files could be had.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CatalogIndex } from '../../../common/contract'
import type { ApiOperation } from '../../../common/zoom/api/types'
import { API_PRODUCT_NAMES } from '../../../common/zoom/api/products'
import { createCore, type Core } from '../../../main/core'
import type { SenderInfo } from '../../../main/ipc/router'
import { createFakeAdapters } from '../../fakes/adapters'
import { ZOOM_OPENAPI_AVAILABLE, zoomOpenApiTitle } from '../../support/zoom-openapi'

const ORIGIN = 'app://zoom-connect'
const sender: SenderInfo = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOurWindow: true }

let dataDir: string | undefined
let core: Core | undefined

async function start(offline = false) {
  dataDir = await mkdtemp(join(tmpdir(), 'zc-catalog-'))
  const { adapters, fakes } = createFakeAdapters({ dataDir })
  fakes.apiFiles.offline = offline
  core = await createCore(adapters, { trustedOrigins: [ORIGIN] })
  return { core, fakes }
}

afterEach(async () => {
  await core?.dispose()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
  core = dataDir = undefined
})

describe.skipIf(!ZOOM_OPENAPI_AVAILABLE)(zoomOpenApiTitle('catalog channels'), () => {
  it('index: every product and operation from the files, summaries only', async () => {
    const { core } = await start()
    const reply = await core.router.invoke('catalog.index', sender, undefined)
    if (!reply.ok) throw new Error(reply.error.message)
    const index = reply.value as CatalogIndex
    expect(index.state).toBe('ready')
    expect(index.missingProducts).toEqual([])
    expect(index.products.map((p) => p.name)).toEqual(API_PRODUCT_NAMES)
    expect(index.operations.length).toBeGreaterThan(1700)
    const rooms = index.operations.find((op) => op.method === 'GET' && op.path === '/rooms')
    expect(rooms).toMatchObject({ product: 'Rooms', listKey: 'rooms', pagination: 'next_page_token' })
    // Schemas stay in main until one operation is asked for: the index must stay small.
    expect(rooms).not.toHaveProperty('responseSchema')
    expect(rooms).not.toHaveProperty('params')
  })

  it('operation: one operation whole; an unknown one is NOT_FOUND', async () => {
    const { core, fakes } = await start()
    const reply = await core.router.invoke('catalog.operation', sender, { method: 'GET', path: '/users/{userId}/recordings' })
    if (!reply.ok) throw new Error(reply.error.message)
    const operation = reply.value as ApiOperation
    expect(operation.params.find((p) => p.name === 'userId')).toMatchObject({ in: 'path', required: true })
    expect(operation.responseSchema).toBeDefined()
    const unknown = await core.router.invoke('catalog.operation', sender, { method: 'DELETE', path: '/rooms' })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    // Both calls shared one build: each file was fetched once.
    expect(fakes.apiFiles.requests).toHaveLength(API_PRODUCT_NAMES.length)
  })
})

describe('catalog channels without any of Zoom’s files', () => {
  it('index says unavailable and names every product missing', async () => {
    const { core } = await start(true)
    const reply = await core.router.invoke('catalog.index', sender, undefined)
    expect(reply).toMatchObject({ ok: true, value: { state: 'unavailable', operations: [], missingProducts: API_PRODUCT_NAMES } })
  })
})
