import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { API_FILE_MAX_AGE_MS, ApiCatalogService, createHttpApiFileSource } from '../../../main/catalog'
import { httpsDowngrade } from '../../../main/net/public-text'
import { createLogger, memoryLogSink } from '../../../main/log/logger'
import { FolderApiFiles } from '../../fakes/folder-api-files'
import { ManualTime } from '../../fakes/manual-time'
import { caught } from '../../support/caught'
import { serveEndless } from '../../support/endless-server'
import { ZOOM_OPENAPI_AVAILABLE, ZOOM_OPENAPI_DIR, zoomOpenApiText, zoomOpenApiTitle } from '../../support/zoom-openapi'

const DAY = 24 * 60 * 60 * 1000

describe.skipIf(!ZOOM_OPENAPI_AVAILABLE)(zoomOpenApiTitle("the API catalog service over Zoom's files"), () => {
  let dir: string
  let time: ManualTime
  let files: FolderApiFiles
  const service = (products: ('Users' | 'Rooms')[] = ['Users', 'Rooms']) =>
    new ApiCatalogService({ dir, source: files, clock: time, log: createLogger(memoryLogSink(), 'catalog'), products })

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'zc-api-files-'))
    time = new ManualTime()
    files = new FolderApiFiles(ZOOM_OPENAPI_DIR)
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('fetches each file when first needed, keeps it, and builds the catalog once', async () => {
    const first = service()
    const catalog = await first.catalog()
    expect(catalog.products.map((p) => p.name)).toEqual(['Users', 'Rooms'])
    expect(catalog.gets.get('/rooms')?.listKey).toBe('rooms')
    expect(await readFile(path.join(dir, 'Rooms.json'), 'utf8')).toBe(zoomOpenApiText('Rooms'))
    await first.catalog()
    expect(files.requests).toHaveLength(2)
  })

  it('uses a copy younger than a week without asking Zoom', async () => {
    await service().catalog()
    time.advance(API_FILE_MAX_AGE_MS - 1)
    const catalog = await service().catalog()
    expect(files.requests).toHaveLength(2)
    expect(catalog.gets.has('/users')).toBe(true)
  })

  it('asks again with the ETag after a week, and keeps the copy when Zoom says it is unchanged', async () => {
    await service(['Users']).catalog()
    const written = (await stat(path.join(dir, 'Users.json'))).mtimeMs
    time.advance(API_FILE_MAX_AGE_MS + DAY)
    await service(['Users']).catalog()
    expect(files.requests[1]?.validators.etag).toMatch(/^".+"$/)
    expect((await stat(path.join(dir, 'Users.json'))).mtimeMs).toBe(written)
    // The check is recorded: the next run within the week asks nobody.
    time.advance(DAY)
    await service(['Users']).catalog()
    expect(files.requests).toHaveLength(2)
  })

  it('takes a changed file after a week', async () => {
    await service(['Users']).catalog()
    time.advance(API_FILE_MAX_AGE_MS + DAY)
    const changed = JSON.parse(zoomOpenApiText('Users')) as { paths: Record<string, unknown> }
    changed.paths['/users/new_list'] = changed.paths['/users']
    files.replaced.set('Users', JSON.stringify(changed))
    const catalog = await service(['Users']).catalog()
    expect(catalog.gets.has('/users/new_list')).toBe(true)
  })

  it('a file that claims another product’s GET path (or has odd keys) costs only that path: the catalog is still built', async () => {
    const rooms = JSON.parse(zoomOpenApiText('Rooms')) as { paths: Record<string, unknown> }
    const users = JSON.parse(zoomOpenApiText('Users')) as { paths: Record<string, { get?: { summary?: string } }> }
    rooms.paths['/users'] = { get: { ...users.paths['/users']!.get, summary: 'planted' } }
    files.replaced.set('Rooms', JSON.stringify(rooms).replace('"paths":{', '"paths":{"__proto__":{"get":{"summary":"x"}},'))
    const catalog = await service().catalog()
    expect(catalog.products.map((p) => p.name)).toEqual(['Users', 'Rooms'])
    expect(catalog.gets.get('/users')?.product).toBe('Users')
    expect(catalog.gets.get('/rooms')?.product).toBe('Rooms')
    expect(catalog.operations.filter((op) => op.method === 'GET' && op.path === '/users')).toHaveLength(1)
    expect(({} as { summary?: unknown }).summary).toBeUndefined()
  })

  it('works from the last copy, whatever its age, when Zoom cannot be reached', async () => {
    await service().catalog()
    time.advance(10 * API_FILE_MAX_AGE_MS)
    files.offline = true
    const catalog = await service().catalog()
    expect(catalog.products).toHaveLength(2)
    expect(files.requests).toHaveLength(4)
  })

  it('keeps the last copy when Zoom serves something that is not an API file', async () => {
    await service(['Users']).catalog()
    time.advance(API_FILE_MAX_AGE_MS + DAY)
    files.replaced.set('Users', '<html>maintenance</html>')
    expect((await service(['Users']).catalog()).gets.has('/users')).toBe(true)
    expect(await readFile(path.join(dir, 'Users.json'), 'utf8')).toBe(zoomOpenApiText('Users'))
  })

  it('leaves out a product never fetched while offline, and fetches it on a later run', async () => {
    files.offline = true
    expect((await service().catalog()).products).toEqual([])
    files.offline = false
    expect((await service().catalog()).products).toHaveLength(2)
  })
})

describe('the API hub over HTTP', () => {
  let server: Server
  let url: string
  let seen: { ifNoneMatch?: string; ifModifiedSince?: string; authorization?: string }[]
  let status = 200

  beforeEach(async () => {
    seen = []
    status = 200
    server = createServer((req, res) => {
      seen.push({ ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'], authorization: req.headers.authorization })
      if (status !== 200) return void res.writeHead(status).end()
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end()
      res.writeHead(200, { 'content-type': 'application/json', etag: '"v1"', 'last-modified': 'Mon, 02 Mar 2026 10:00:00 GMT' }).end('{"paths":{}}')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve))
  })

  it('sends the validators it has and reads 200 and 304, without any credential', async () => {
    const source = createHttpApiFileSource({ urlFor: (product) => `${url}/${product}.json`, timeoutMs: 5000 })
    expect(await source.fetch('Users', {})).toEqual({ kind: 'fresh', text: '{"paths":{}}', etag: '"v1"', lastModified: 'Mon, 02 Mar 2026 10:00:00 GMT' })
    expect(await source.fetch('Users', { etag: '"v1"', lastModified: 'Mon, 02 Mar 2026 10:00:00 GMT' })).toEqual({ kind: 'unchanged' })
    expect(seen[1]).toEqual({ ifNoneMatch: '"v1"', ifModifiedSince: 'Mon, 02 Mar 2026 10:00:00 GMT' })
    expect(seen.every((s) => s.authorization === undefined)).toBe(true)
  })

  it('stops reading an answer larger than any of Zoom’s files instead of holding all of it in memory', async () => {
    // An endless body: a source that read everything before checking its size would never answer.
    const endless = await serveEndless({ chunk: Buffer.alloc(64 * 1024, 0x20) })
    try {
      const source = createHttpApiFileSource({ urlFor: () => `${endless.url}/Users.json`, timeoutMs: 60_000, maxBytes: 1024 * 1024 })
      const error = await caught(source.fetch('Users', {}))
      expect(error.code).toBe('NETWORK')
      expect(error.message).toMatch(/larger than expected/)
    } finally {
      await endless.close()
    }
  })

  it('refuses a redirect from https to plain http', async () => {
    const source = createHttpApiFileSource({ urlFor: (product) => `${url}/${product}.json`, timeoutMs: 5000 })
    expect(httpsDowngrade(new URL('https://developers.zoom.us/a.json'), new URL('http://developers.zoom.us/a.json'))).toBe(true)
    expect(httpsDowngrade(new URL('https://developers.zoom.us/a.json'), new URL('https://cdn.zoom.us/a.json'))).toBe(false)
    expect((await source.fetch('Users', {})).kind).toBe('fresh')
  })

  it('asks the system proxy for every file it fetches', async () => {
    const asked: string[] = []
    const source = createHttpApiFileSource({ urlFor: (product) => `${url}/${product}.json`, timeoutMs: 5000, proxy: (options) => void asked.push(String(options.url)) })
    expect((await source.fetch('Users', {})).kind).toBe('fresh')
    expect(asked).toEqual([`${url}/Users.json`])
  })

  it('turns an HTTP error into a NETWORK error', async () => {
    status = 503
    const source = createHttpApiFileSource({ urlFor: (product) => `${url}/${product}.json`, timeoutMs: 5000 })
    expect((await caught(source.fetch('Rooms', {}))).code).toBe('NETWORK')
  })
})
