// A failed console request is recorded with its error message, and some messages quote what the
// server wrote: a refused redirect names the host the server pointed to. A server within the
// allowed domains that quotes the token back (the case console-echo.test.ts covers for bodies and
// headers) can put it there, so the message is scrubbed before history.json keeps it, like every
// other part of the entry.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { consoleRequestSchema } from '../../../common/contract/console'
import { ConsoleService, memoryConsoleHistory } from '../../../main/console'
import { createConsoleHandlers } from '../../../main/ipc/handlers/console'
import { forgetAllSecrets, registerSecret } from '../../../main/log/redact'
import { createZoomClients } from '../../../main/zoom'
import { FAST_RETRY, FAST_TIMEOUTS, loopbackProfile, profileLookup } from '../zoom/sandbox-helpers'

const TOKEN = 'canary-error-history-token-5c7d1e'
let server: Server
let url: string

beforeAll(async () => {
  // Points the client at a host spelled with the bearer it was sent (outside the allowed domains).
  server = createServer((req, res) => {
    const token = String(req.headers.authorization).replace(/^Bearer /, '')
    res.writeHead(302, { location: `https://${token}.example.net/landing` })
    res.end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})
afterEach(() => forgetAllSecrets())

describe('the history of a request refused on its way', () => {
  it('keeps the error without the token the server put in it', async () => {
    // As the token endpoint does for every token it receives.
    registerSecret(TOKEN)
    const clients = createZoomClients({ tokens: { getAccessToken: async () => ({ accessToken: TOKEN }) }, profiles: profileLookup(loopbackProfile(url)), retry: FAST_RETRY, timeouts: FAST_TIMEOUTS })
    const history = memoryConsoleHistory()
    const handlers = createConsoleHandlers(new ConsoleService({ clients, history }))
    const response = await handlers['console.send'](consoleRequestSchema.parse({ profileId: 'p1', method: 'GET', url: '/users/me' }), {})
    expect(response.status).toBe(0)
    expect(response.error?.code).toBe('DOMAIN_NOT_ALLOWED')
    const [entry] = history.list('p1')
    expect(entry?.error).toMatch(/^Refused to follow a redirect to https:\/\//)
    expect(entry?.error).toContain('.example.net')
    expect(JSON.stringify(history.list())).not.toContain(TOKEN)
  })
})
