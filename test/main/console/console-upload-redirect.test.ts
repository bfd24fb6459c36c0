// Zoom's file hosts may answer an upload with a redirect ("The caller must support HTTP 30x
// redirects", Events' uploadEventFile and others on fileapi.zoom.us). A 307 or 308 asks for the
// same request, body included, at the new address (RFC 9110 §15.4.8, §15.4.9), and got keeps the
// method and body of a 301/302 too. The form's file is read from disk as it is sent, so it must be
// read again for the redirected request: these tests check the file arrives whole there. Served by
// a loopback server within the connection's allowed domains.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ChosenFiles, ConsoleService, memoryConsoleHistory } from '../../../main/console'
import { createZoomClients } from '../../../main/zoom'
import { FakeDialogs } from '../../fakes/simple-ports'
import { consoleBridge } from './console-bridge'
import { FAST_RETRY, FAST_TIMEOUTS, loopbackProfile, profileLookup } from '../zoom/sandbox-helpers'

const TOKEN = 'canary-upload-redirect-token-2b8e'
/** Every byte value, so a body read as text or cut short would differ. */
const FILE = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 13) % 256))

interface Landed {
  authorization: string | undefined
  fields: Record<string, string>
  file: { name: string; type: string; bytes: Buffer } | undefined
}

let server: Server
let url: string
let dir: string
const landed: Landed[] = []

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void (async () => {
      const status = /^\/v2\/upload\/(\d{3})$/.exec(req.url ?? '')?.[1]
      if (status !== undefined) {
        // Read and drop the first body, then send the client on: as a file host handing the upload to another node.
        await bodyOf(req)
        res.writeHead(Number(status), { location: '/v2/landed' })
        return void res.end()
      }
      const form = await new Response(await bodyOf(req), { headers: { 'content-type': String(req.headers['content-type']) } }).formData()
      const fields: Record<string, string> = {}
      let file: Landed['file']
      for (const [name, value] of form) {
        if (typeof value === 'string') fields[name] = value
        else file = { name: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) }
      }
      landed.push({ authorization: req.headers.authorization, fields, file })
      res.writeHead(201, { 'content-type': 'application/json' })
      res.end('{}')
    })().catch(() => {
      res.writeHead(400, { 'content-type': 'text/plain' })
      res.end('not a multipart body')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  dir = await mkdtemp(join(tmpdir(), 'zc-upload-redirect-'))
  await writeFile(join(dir, 'floor.png'), FILE)
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  await rm(dir, { recursive: true, force: true })
})

function setup() {
  const clients = createZoomClients({ tokens: { getAccessToken: async () => ({ accessToken: TOKEN }) }, profiles: profileLookup(loopbackProfile(url)), retry: FAST_RETRY, timeouts: FAST_TIMEOUTS })
  const dialogs = new FakeDialogs()
  const service = new ConsoleService({ clients, history: memoryConsoleHistory(), files: new ChosenFiles({ dialogs }) })
  return consoleBridge(service, dialogs)
}

describe('an upload answered with a redirect', () => {
  it.each([307, 308, 302])('is sent again, file and fields whole, where a %i points', async (status) => {
    const { send, pick } = setup()
    const chosen = await pick(join(dir, 'floor.png'))
    const before = landed.length
    const response = await send({ method: 'POST', url: `/upload/${status}`, form: [{ name: 'location_id', value: 'loc-1' }, { name: 'file', fileToken: chosen.fileToken }] })
    expect(response.error).toBeUndefined()
    expect(response.status).toBe(201)
    const [arrived] = landed.slice(before)
    expect(arrived?.fields).toEqual({ location_id: 'loc-1' })
    expect(arrived?.file).toMatchObject({ name: 'floor.png', type: 'image/png' })
    expect(arrived?.file?.bytes.equals(FILE)).toBe(true)
    // Same origin: the redirected request carries the connection's token as the first did.
    expect(arrived?.authorization).toBe(`Bearer ${TOKEN}`)
  })
})
