// The catalog's index from its pre-parsed copy beside Zoom's files: used on the next start instead
// of parsing every file, and never when a file was rewritten, a copy is due for a check with
// Zoom, or another build of the app wrote it. One operation whole still comes from its file.
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { API_FILE_MAX_AGE_MS, ApiCatalogService } from '../../../main/catalog'
import { CATALOG_INDEX_FILE } from '../../../main/catalog/catalog-index'
import { createLogger, memoryLogSink } from '../../../main/log/logger'
import { FolderApiFiles } from '../../fakes/folder-api-files'
import { ManualTime } from '../../fakes/manual-time'
import { ZOOM_OPENAPI_AVAILABLE, ZOOM_OPENAPI_DIR, zoomOpenApiTitle } from '../../support/zoom-openapi'

describe.skipIf(!ZOOM_OPENAPI_AVAILABLE)(zoomOpenApiTitle('the catalog index kept beside the copies'), () => {
  let dir: string
  let time: ManualTime
  let files: FolderApiFiles
  const service = (build = '1.0.0') =>
    new ApiCatalogService({ dir, source: files, clock: time, log: createLogger(memoryLogSink(), 'catalog'), products: ['Users', 'Rooms'], build })

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'zc-catalog-index-'))
    time = new ManualTime()
    files = new FolderApiFiles(ZOOM_OPENAPI_DIR)
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('a later start reads the stored index instead of the files, and one operation from its own file', async () => {
    const first = await service().index()
    expect(first.state).toBe('ready')
    const later = service()
    // Were the files parsed, a rewritten Users.json would show here; the index must come from its copy.
    const index = await later.index()
    expect(index).toEqual(first)
    expect(later.loaded).toBeUndefined()
    const op = await later.operation('GET', '/rooms')
    expect(op).toMatchObject({ product: 'Rooms', listKey: 'rooms' })
    expect(op?.responseSchema).toBeDefined()
    expect(later.loaded).toBeUndefined()
    expect(await later.operation('DELETE', '/rooms')).toBeUndefined()
    expect(files.requests).toHaveLength(2)
  })

  it('a stored index that is not the shape this build writes (damaged or planted) is not served: the files are parsed again', async () => {
    await service().index()
    const file = path.join(dir, CATALOG_INDEX_FILE)
    const stored = JSON.parse(await readFile(file, 'utf8')) as { index: { operations: unknown[]; products: unknown[] } }
    const damaged = [
      (index: { operations: unknown[] }) => void (index.operations[0] = { method: 'GET', path: 42 }),
      (index: { operations: unknown[] }) => void (index.operations[1] = null),
      (index: { operations: unknown[] }) => void ((index.operations[2] as { scopes: unknown }).scopes = { classic: [{ __proto__: {} }], granular: [] }),
      (index: { operations: unknown[] }) => void ((index.operations[3] as { method: unknown }).method = 'TRACE'),
      (index: { products: unknown[] }) => void (index.products[0] = 'Users'),
    ]
    for (const damage of damaged) {
      const copy = structuredClone(stored)
      damage(copy.index)
      // Same size and time as the copies: only the shape check can tell.
      await writeFile(file, JSON.stringify(copy))
      const later = service()
      const index = await later.index()
      expect(later.loaded).toBeDefined()
      expect(index.operations.every((op) => typeof op.path === 'string' && typeof op.summary === 'string' && op.scopes.classic.every((s) => typeof s === 'string'))).toBe(true)
      expect(index.products.every((product) => typeof product.name === 'string')).toBe(true)
    }
  })

  it('is stale once a copy is rewritten: the files are parsed again', async () => {
    await service().index()
    const users = path.join(dir, 'Users.json')
    const text = await readFile(users, 'utf8')
    const changed = JSON.parse(text) as { paths: Record<string, Record<string, { summary?: string }>> }
    changed.paths['/users']!.get!.summary = 'List users (changed)'
    await writeFile(users, JSON.stringify(changed))
    const later = service()
    const index = await later.index()
    expect(index.operations.find((o) => o.method === 'GET' && o.path === '/users')?.summary).toBe('List users (changed)')
    expect(later.loaded).toBeDefined()
  })

  it('is not used by another build of the app, nor when a copy is due for a check with Zoom', async () => {
    await service('1.0.0').index()
    const other = service('1.1.0')
    await other.index()
    expect(other.loaded).toBeDefined()
    time.advance(API_FILE_MAX_AGE_MS)
    const due = service('1.1.0')
    await due.index()
    expect(due.loaded).toBeDefined()
    expect(files.requests.length).toBeGreaterThan(2)
  })

  it('an unreadable stored index is ignored', async () => {
    await service().index()
    await writeFile(path.join(dir, CATALOG_INDEX_FILE), '{not json')
    const later = service()
    expect((await later.index()).state).toBe('ready')
    expect(later.loaded).toBeDefined()
    // … and written again for the start after.
    const after = service()
    await after.index()
    expect(after.loaded).toBeUndefined()
  })

  it('notices a copy replaced by one of the same size (its modification time changed)', async () => {
    await service().index()
    const rooms = path.join(dir, 'Rooms.json')
    const later = new Date(Date.now() + 60_000)
    await utimes(rooms, later, later)
    const next = service()
    await next.index()
    expect(next.loaded).toBeDefined()
  })
})
