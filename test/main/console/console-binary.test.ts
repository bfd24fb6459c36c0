// Binary answers in the console: never decoded into the text view, kept by main (within the
// console's response limit) and saved through main's save dialog, bytes untouched; the page only
// learns a token, a size and a type. Served by a loopback server in the connection's allowed
// domains (the sandbox serves no binary answer).
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { consoleRequestSchema, type ConsoleRequest } from '../../../common/contract/console'
import { BinaryAnswers, ConsoleService, memoryConsoleHistory } from '../../../main/console'
import { createConsoleHandlers } from '../../../main/ipc/handlers/console'
import { createZoomClients } from '../../../main/zoom'
import { FakeDialogs } from '../../fakes/simple-ports'
import { caught } from '../../support/caught'
import { FAST_RETRY, FAST_TIMEOUTS, loopbackProfile, profileLookup } from '../zoom/sandbox-helpers'

const TOKEN = 'canary-binary-token-6f1d2e9a4b7c'
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256))])
let server: Server
let url: string
let dir: string

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/v2/doc') {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="../invoice-7.pdf"' })
      res.end(PDF)
    } else if (req.url === '/v2/big') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' })
      res.end(Buffer.alloc(10_000, 1))
    } else if (req.url === '/v2/echo') {
      // A server quoting the bearer back inside bytes.
      res.writeHead(200, { 'content-type': 'application/octet-stream' })
      res.end(Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(String(req.headers.authorization))]))
    } else if (req.url?.startsWith('/v2/echo-as/')) {
      // The same server quoting the bearer changed, as the text view already scrubs it: base64,
      // reversed, in UTF-16 (little or big endian, at an odd offset), or upper-cased.
      const token = String(req.headers.authorization).replace(/^Bearer /, '')
      const forms: Record<string, Buffer> = {
        base64: Buffer.from(Buffer.from(token).toString('base64')),
        reversed: Buffer.from([...token].reverse().join('')),
        utf16le: Buffer.from(token, 'utf16le'),
        utf16be: Buffer.concat([Buffer.from([7]), Buffer.from(token, 'utf16le').swap16()]),
        upper: Buffer.from(token.toUpperCase()),
        // Seven characters of it: too short to be a quote (the scrubber's pieces are eight or more).
        near: Buffer.from(token.slice(0, 7)),
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream' })
      res.end(Buffer.concat([Buffer.from([0, 1, 2]), forms[req.url.slice('/v2/echo-as/'.length)] ?? Buffer.alloc(0)]))
    } else {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"text":"é"}')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  dir = await mkdtemp(join(tmpdir(), 'zc-binary-'))
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await rm(dir, { recursive: true, force: true })
})

function setup() {
  const clients = createZoomClients({ tokens: { getAccessToken: async () => ({ accessToken: TOKEN }) }, profiles: profileLookup(loopbackProfile(url)), retry: FAST_RETRY, timeouts: FAST_TIMEOUTS })
  const dialogs = new FakeDialogs()
  const history = memoryConsoleHistory()
  const service = new ConsoleService({ clients, history, answers: new BinaryAnswers({ dialogs }), maxResponseBytes: 4096 })
  const handlers = createConsoleHandlers(service)
  const send = (request: Omit<ConsoleRequest, 'profileId'>) => handlers['console.send'](consoleRequestSchema.parse({ profileId: 'p1', ...request }), {})
  const save = (answerToken: string) => handlers['console.saveAnswer']({ answerToken }, {})
  return { send, save, dialogs, history }
}

describe('binary answers', () => {
  it('are not decoded: the page gets their size and type, and Save writes the exact bytes where the person chose', async () => {
    const { send, save, dialogs } = setup()
    const response = await send({ method: 'GET', url: '/doc' })
    expect(response.body).toBe('')
    expect(response.binary).toMatchObject({ contentType: 'application/pdf', bytes: PDF.length, suggestedName: 'invoice-7.pdf' })
    expect(response.bodyBytes).toBe(PDF.length)
    const target = join(dir, 'saved.pdf')
    dialogs.saveAnswers.push(target)
    expect(await save(response.binary!.answerToken)).toEqual({ saved: true })
    expect((await readFile(target)).equals(PDF)).toBe(true)
    // The dialog offered the server's name without its folder part.
    expect(dialogs.calls.at(-1)).toMatchObject({ kind: 'save', defaultName: 'invoice-7.pdf' })
    // No path comes back to the page.
    expect(JSON.stringify(response)).not.toContain(dir)
  })

  it('saves nothing when the person cancels the dialog', async () => {
    const { send, save } = setup()
    const response = await send({ method: 'GET', url: '/doc' })
    expect(await save(response.binary!.answerToken)).toEqual({ saved: false })
  })

  it('refuses to save an answer the response limit cut short, and a token main never gave', async () => {
    const { send, save } = setup()
    const response = await send({ method: 'GET', url: '/big' })
    expect(response.truncated).toBe(true)
    expect(response.binary?.bytes).toBe(4096)
    expect(await caught(save(response.binary!.answerToken))).toMatchObject({ code: 'VALIDATION' })
    expect(await caught(save('invented-by-the-page'))).toMatchObject({ code: 'NOT_FOUND' })
  })

  it('does not keep bytes that quote the connection’s token', async () => {
    const { send } = setup()
    const response = await send({ method: 'GET', url: '/echo' })
    expect(response.binary).toBeUndefined()
    expect(JSON.stringify(response)).not.toContain(TOKEN)
  })

  it.each(['base64', 'reversed', 'utf16le', 'utf16be', 'upper'])('does not keep bytes that quote the token changed (%s): Save would write it to disk', async (form) => {
    const { send, save } = setup()
    const response = await send({ method: 'GET', url: `/echo-as/${form}` })
    expect(response.status).toBe(200)
    expect(response.binary).toBeUndefined()
    expect(response.body).toMatch(/quotes this connection’s token/)
    expect(await caught(save('not-kept'))).toMatchObject({ code: 'NOT_FOUND' })
  })

  it('still keeps bytes that share only a few characters with the token', async () => {
    const { send } = setup()
    const response = await send({ method: 'GET', url: '/echo-as/near' })
    expect(response.binary).toMatchObject({ bytes: 10 })
  })

  it('leaves text answers as they were', async () => {
    const { send } = setup()
    const response = await send({ method: 'GET', url: '/text' })
    expect(response.binary).toBeUndefined()
    expect(JSON.parse(response.body)).toEqual({ text: 'é' })
  })
})
