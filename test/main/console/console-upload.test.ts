// Uploads from the console against the sandbox: a form's text parts and chosen files arrive
// exactly (read back by the sandbox with the platform's own multipart reader), a file token main
// never handed out is refused before anything is sent, a file over the limit is refused when it
// is chosen, the history keeps a file's name and size only, and an operation Zoom serves from
// fileapi.zoom.us goes there — within the connection's allowed domains, never beyond them.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BeforeRequestHook } from 'got'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CatalogIndex } from '../../../common/contract/catalog'
import type { Profile } from '../../../common/profile'
import { parseApiFile } from '../../../common/zoom/api/parse'
import { ChosenFiles, ConsoleService, memoryConsoleHistory, OperationSchemas, type OperationCatalog } from '../../../main/console'
import { createZoomClients } from '../../../main/zoom'
import { FakeDialogs } from '../../fakes/simple-ports'
import { consoleBridge } from './console-bridge'
import { startSandbox, type Sandbox } from '../../sandbox'
import { caught } from '../../support/caught'
import { zoomOpenApiText, ZOOM_OPENAPI_AVAILABLE } from '../../support/zoom-openapi'
import { FAST_RETRY, FAST_TIMEOUTS, profileLookup, sandboxProfile, sandboxTokens } from '../zoom/sandbox-helpers'

let sandbox: Sandbox
let dir: string
/** Every byte value, so an encoder that treats the file as text would change some. */
const PICTURE = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256))

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5, users: 10, plan: 'unlimited' })
  dir = await mkdtemp(join(tmpdir(), 'zc-upload-'))
  await writeFile(join(dir, 'face.png'), PICTURE)
  await writeFile(join(dir, 'big.png'), Buffer.alloc(2048))
})
afterAll(async () => {
  await sandbox.close()
  await rm(dir, { recursive: true, force: true })
})

/** The catalog as main reads it from Zoom's files (the operations the console looks up). */
function catalogOf(products: ('Users' | 'TeamChat')[]): OperationCatalog {
  const operations = products.flatMap((product) => parseApiFile(product, JSON.parse(zoomOpenApiText(product))).operations)
  const index = { state: 'ready', products: [], operations, missingProducts: [] } as unknown as CatalogIndex
  return { index: async () => index, loadedIndex: index, operation: async (method, path) => operations.find((op) => op.method === method && op.path === path) }
}

function setup(options: { profile?: Profile; proxy?: BeforeRequestHook; maxUploadBytes?: number } = {}) {
  const tokens = sandboxTokens(sandbox)
  const clients = createZoomClients({ tokens, profiles: profileLookup(options.profile ?? sandboxProfile(sandbox)), retry: FAST_RETRY, timeouts: FAST_TIMEOUTS, ...(options.proxy ? { proxy: options.proxy } : {}) })
  const dialogs = new FakeDialogs()
  const history = memoryConsoleHistory()
  const files = new ChosenFiles({ dialogs, ...(options.maxUploadBytes ? { maxBytes: options.maxUploadBytes } : {}) })
  const service = new ConsoleService({ clients, history, files, schemas: new OperationSchemas(catalogOf(['Users', 'TeamChat'])) })
  return { ...consoleBridge(service, dialogs), history, tokens, dialogs }
}

describe.skipIf(!ZOOM_OPENAPI_AVAILABLE)('console uploads', () => {
  it('sends a chosen file as multipart/form-data; the sandbox receives its bytes exactly', async () => {
    const { send, pick } = setup()
    const chosen = await pick(join(dir, 'face.png'))
    expect(chosen).toMatchObject({ name: 'face.png', size: PICTURE.length })
    expect(JSON.stringify(chosen)).not.toContain(dir)
    const before = sandbox.uploads().length
    const response = await send({ method: 'POST', url: '/users/me/picture', form: [{ name: 'pic_file', fileToken: chosen.fileToken }] })
    expect(response.status).toBe(201)
    const received = sandbox.uploads().slice(before)
    expect(received).toHaveLength(1)
    expect(received[0]?.files).toHaveLength(1)
    expect(received[0]?.files[0]).toMatchObject({ field: 'pic_file', name: 'face.png', type: 'image/png' })
    expect(received[0]?.files[0]?.bytes.equals(PICTURE)).toBe(true)
  })

  it('sends text parts beside the file, with the values typed', async () => {
    const { send, pick } = setup()
    const chosen = await pick(join(dir, 'face.png'))
    const before = sandbox.uploads().length
    const name = `smile_${Date.now().toString(36)}`
    const response = await send({ method: 'POST', url: '/chat/emoji/files', form: [{ name: 'name', value: name }, { name: 'file', fileToken: chosen.fileToken }] })
    expect(response.status).toBe(201)
    expect(JSON.parse(response.body)).toMatchObject({ name })
    const [received] = sandbox.uploads().slice(before)
    expect(received?.fields).toEqual({ name })
    expect(received?.files[0]?.bytes.equals(PICTURE)).toBe(true)
    // The same name again: Zoom's documented 409 / 30010, shown as Zoom's answer.
    const again = await send({ method: 'POST', url: '/chat/emoji/files', form: [{ name: 'name', value: name }, { name: 'file', fileToken: chosen.fileToken }] })
    expect(again.status).toBe(409)
  })

  it('refuses a file token main never handed out: nothing sent, nothing recorded', async () => {
    const { send, history } = setup()
    const before = sandbox.uploads().length
    const error = await caught(send({ method: 'POST', url: '/users/me/picture', form: [{ name: 'pic_file', fileToken: 'invented-by-the-page' }] }))
    expect(error).toMatchObject({ code: 'VALIDATION' })
    expect(sandbox.uploads()).toHaveLength(before)
    expect(history.list()).toEqual([])
  })

  it('refuses a file over the size limit when it is chosen, saying the limit', async () => {
    const { pick } = setup({ maxUploadBytes: 1024 })
    const error = await caught(pick(join(dir, 'big.png')))
    expect(error).toMatchObject({ code: 'VALIDATION' })
    expect((error as Error).message).toMatch(/big\.png is .* MB; the console uploads files up to/)
  })

  it('keeps a file’s name and size in the history, never its bytes, its token or the access token', async () => {
    const { send, pick, history, tokens } = setup()
    const chosen = await pick(join(dir, 'face.png'))
    await send({ method: 'POST', url: '/users/me/picture', form: [{ name: 'pic_file', fileToken: chosen.fileToken }] })
    const entry = history.list('p1')[0]
    expect(entry?.request.form).toEqual([{ name: 'pic_file', fileName: 'face.png', fileSize: PICTURE.length }])
    const stored = JSON.stringify(history.list())
    expect(stored).not.toContain(chosen.fileToken)
    expect(stored).not.toContain(tokens.current())
    expect(stored).not.toContain(PICTURE.subarray(0, 64).toString('base64'))
  })
})

describe.skipIf(!ZOOM_OPENAPI_AVAILABLE)('operations Zoom serves from fileapi.zoom.us', () => {
  /**
   * Stands in for the network: records where each request would go (after the allowlist check,
   * which runs before this hook) and delivers it to the sandbox instead.
   */
  function viaSandbox(seen: string[]): BeforeRequestHook {
    return (options) => {
      const url = options.url as URL
      seen.push(url.href)
      options.url = new URL(`${url.pathname}${url.search}`, sandbox.url)
    }
  }

  it('sends the upload to fileapi.zoom.us, which Zoom’s cloud allows by default (*.zoom.us)', async () => {
    const seen: string[] = []
    const { send, pick } = setup({ profile: sandboxProfile(sandbox, { cloud: { kind: 'zoom' } }), proxy: viaSandbox(seen) })
    const chosen = await pick(join(dir, 'face.png'))
    const before = sandbox.uploads().length
    const response = await send({ method: 'POST', url: '/chat/emoji/files', form: [{ name: 'name', value: `wave_${Date.now().toString(36)}` }, { name: 'file', fileToken: chosen.fileToken }] })
    expect(response.status).toBe(201)
    expect(seen).toEqual(['https://fileapi.zoom.us/v2/chat/emoji/files'])
    expect(sandbox.uploads()).toHaveLength(before + 1)
  })

  it('leaves an operation Zoom serves from its API host there', async () => {
    const seen: string[] = []
    const { send, pick } = setup({ profile: sandboxProfile(sandbox, { cloud: { kind: 'zoom' } }), proxy: viaSandbox(seen) })
    const chosen = await pick(join(dir, 'face.png'))
    await send({ method: 'POST', url: '/users/me/picture', form: [{ name: 'pic_file', fileToken: chosen.fileToken }] })
    expect(seen).toEqual(['https://api.zoom.us/v2/users/me/picture'])
  })

  it('refuses fileapi.zoom.us for a connection whose allowed domains leave it out, before connecting', async () => {
    const seen: string[] = []
    const { send, pick } = setup({ profile: sandboxProfile(sandbox, { cloud: { kind: 'zoom' }, allowedDomains: ['api.zoom.us'] }), proxy: viaSandbox(seen) })
    const chosen = await pick(join(dir, 'face.png'))
    const before = sandbox.uploads().length
    const response = await send({ method: 'POST', url: '/chat/emoji/files', form: [{ name: 'name', value: 'refused_one' }, { name: 'file', fileToken: chosen.fileToken }] })
    expect(response.status).toBe(0)
    expect(response.error?.code).toBe('DOMAIN_NOT_ALLOWED')
    expect(response.error?.message).toContain('fileapi.zoom.us')
    expect(seen).toEqual([])
    expect(sandbox.uploads()).toHaveLength(before)
  })
})
