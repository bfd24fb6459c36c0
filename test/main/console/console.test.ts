// The request console against the sandbox: URLs, JSON bodies, no retries, foreign hosts, and a
// history on disk that never holds a credential.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { consoleRequestSchema, type ConsoleRequest } from '../../../common/contract/console'
import { toCurl } from '../../../common/zoom/curl'
import { resolveConsoleUrl } from '../../../common/zoom/console-url'
import { ConsoleService, HISTORY_FILE, memoryConsoleHistory, openConsoleHistory, sanitizeForHistory, type ConsoleHistory } from '../../../main/console'
import { TOO_DEEP } from '../../../main/console/sanitize'
import { createConsoleHandlers } from '../../../main/ipc/handlers/console'
import { createZoomClients } from '../../../main/zoom'
import { startSandbox, type Sandbox } from '../../sandbox'
import { FAST_RETRY, FAST_TIMEOUTS, profileLookup, sandboxProfile, sandboxTokens, type SandboxTokens } from '../zoom/sandbox-helpers'
import { caught } from '../../support/caught'

let sandbox: Sandbox
let foreign: Server
let foreignUrl: string
let foreignConnections = 0
let dir: string

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 3, users: 30, plan: 'unlimited' })
  foreign = createServer((_req, res) => res.end('{}'))
  foreign.on('connection', () => foreignConnections++)
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve))
  foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`
  dir = await mkdtemp(join(tmpdir(), 'zc-console-'))
})
afterAll(async () => {
  await sandbox.close()
  await new Promise((resolve) => foreign.close(resolve))
  await rm(dir, { recursive: true, force: true })
})
beforeEach(() => {
  sandbox.setFaults([])
  sandbox.resetStats()
})

function setup(history: ConsoleHistory = memoryConsoleHistory(), tokens: SandboxTokens = sandboxTokens(sandbox)) {
  const clients = createZoomClients({ tokens, profiles: profileLookup(sandboxProfile(sandbox)), retry: FAST_RETRY, timeouts: FAST_TIMEOUTS })
  const service = new ConsoleService({ clients, history, maxResponseBytes: 4096 })
  const handlers = createConsoleHandlers(service)
  const send = (request: Omit<ConsoleRequest, 'profileId'>) => handlers['console.send'](consoleRequestSchema.parse({ profileId: 'p1', ...request }), {})
  return { service, handlers, send, tokens, history }
}

describe('console.send', () => {
  it.each(['/users/me', '/v2/users/me', 'users/me'])('accepts the relative URL %s', async (url) => {
    const { send } = setup()
    const response = await send({ method: 'GET', url })
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body).email).toBe(sandbox.login.email)
    expect(response.trackingId).toMatch(/^v=2\.0;/)
    expect(response.contentType).toMatch(/application\/json/)
    expect(response.headers.some(([name]) => name.toLowerCase() === 'x-zm-trackingid')).toBe(true)
    expect(response.durationMs).toBeGreaterThanOrEqual(0)
  })

  it('accepts an absolute URL within the allowed domains, with query pairs', async () => {
    const { send } = setup()
    const response = await send({ method: 'GET', url: `${sandbox.url}/v2/users`, query: [{ name: 'page_size', value: '5' }] })
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body).users).toHaveLength(5)
  })

  it('refuses a foreign host before connecting, as a response carrying the error', async () => {
    const { send, history } = setup()
    const response = await send({ method: 'GET', url: `${foreignUrl}/v2/users/me` })
    expect(response.status).toBe(0)
    expect(response.error?.code).toBe('DOMAIN_NOT_ALLOWED')
    expect(foreignConnections).toBe(0)
    expect(history.list('p1')[0]?.error).toMatch(/allowed domains/)
  })

  it('returns Zoom’s error answers as responses', async () => {
    const { send } = setup()
    const response = await send({ method: 'GET', url: '/users/nobody@example.invalid' })
    expect(response.status).toBe(404)
    expect(JSON.parse(response.body).code).toBe(1001)
  })

  it('refuses a body that is not JSON with VALIDATION, sends nothing and records nothing', async () => {
    const { send, history } = setup()
    const error = await caught(send({ method: 'POST', url: '/users', body: '{"email": nope}' }))
    expect(error.code).toBe('VALIDATION')
    expect(error.details?.issues?.[0]?.path).toBe('body')
    expect(error.message).toMatch(/not valid JSON/)
    expect(sandbox.stats().apiTotal).toBe(0)
    expect(history.list()).toHaveLength(0)
  })

  it('refuses a GET with a body and headers the HTTP layer owns', async () => {
    const { send } = setup()
    expect((await caught(send({ method: 'GET', url: '/users/me', body: '{}' }))).code).toBe('VALIDATION')
    const error = await caught(send({ method: 'GET', url: '/users/me', headers: [{ name: 'Host', value: 'evil.example' }] }))
    expect(error.details?.issues?.[0]?.path).toBe('headers.0.name')
  })

  it('refuses a header value HTTP cannot carry (a line break, NUL, characters outside Latin-1) with VALIDATION, recording nothing', async () => {
    const { send, history } = setup()
    for (const value of ['a\r\nHost: evil.example', 'a\nX-Forwarded-Host: evil.example', 'a\u0000b', 'caf\u00e9 \u2603']) {
      const error = await caught(send({ method: 'GET', url: '/users/me', headers: [{ name: 'X-Note', value: 'ok' }, { name: 'X-Test', value }] }))
      expect(error).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'headers.1.value' }] } })
    }
    expect(sandbox.stats().apiTotal).toBe(0)
    expect(history.list()).toHaveLength(0)
  })

  it('never retries: one 500 is shown as it is, for GET and for POST', async () => {
    sandbox.setFaults([{ kind: 'status', status: 500, pathPrefix: '/v2/users' }])
    const { send } = setup()
    expect((await send({ method: 'GET', url: '/users/me' })).status).toBe(500)
    expect((await send({ method: 'POST', url: '/users', body: '{"action":"create"}' })).status).toBe(500)
    expect(sandbox.stats().faults.status).toBe(2)
  })

  it('refreshes the profile’s token once on 401/124 and retries once', async () => {
    const tokens = sandboxTokens(sandbox)
    await tokens.getAccessToken('p1')
    tokens.plant('stale-token')
    const { send } = setup(memoryConsoleHistory(), tokens)
    expect((await send({ method: 'GET', url: '/users/me' })).status).toBe(200)
    expect(tokens.forced).toBe(1)
  })

  it('sends a person’s own Authorization header instead of the profile’s, without refreshing', async () => {
    const { send, tokens } = setup()
    const response = await send({ method: 'GET', url: '/users/me', headers: [{ name: 'Authorization', value: 'Bearer not-a-real-token' }] })
    expect(response.status).toBe(401)
    expect(JSON.parse(response.body).code).toBe(124)
    expect(tokens.forced).toBe(0)
  })

  it('caps a large body and says so', async () => {
    const { send } = setup()
    const response = await send({ method: 'GET', url: '/users', query: [{ name: 'page_size', value: '30' }] })
    expect(response.truncated).toBe(true)
    expect(Buffer.byteLength(response.body)).toBeLessThanOrEqual(4096)
    expect(Buffer.byteLength(response.body)).toBeGreaterThan(4090)
    expect(response.body).not.toContain('\uFFFD')
    expect(response.bodyBytes).toBeGreaterThan(4096)
  })
})

describe('history', () => {
  it('is written to history.json without any credential', async () => {
    const tokens = sandboxTokens(sandbox)
    const token = (await tokens.getAccessToken('p1')).accessToken
    const history = await openConsoleHistory(dir)
    const { send, handlers } = setup(history, tokens)
    await send({ method: 'GET', url: '/users/me' })
    await send({ method: 'GET', url: `/users/me?access_token=${token}`, headers: [{ name: 'Authorization', value: `Bearer ${token}` }, { name: 'X-Api-Key', value: 'canary-key-123' }] })
    await send({ method: 'GET', url: '/users/me', query: [{ name: 'refresh_token', value: 'canary-refresh-456' }, { name: 'status', value: 'active' }] })
    await send({ method: 'PATCH', url: '/users/me', body: JSON.stringify({ client_secret: 'canary-secret-789', nested: { password: 'canary-pw-000' }, note: `Bearer ${token}` }) })

    const text = await readFile(join(dir, HISTORY_FILE), 'utf8')
    for (const secret of [token, 'canary-key-123', 'canary-refresh-456', 'canary-secret-789', 'canary-pw-000']) expect(text).not.toContain(secret)
    const entries = await handlers['console.history']({ profileId: 'p1' }, {})
    expect(entries.map((e) => e.request.method)).toEqual(['PATCH', 'GET', 'GET', 'GET'])
    expect(entries[0]?.request.body).toContain('"note"')
    expect(entries[1]?.request.query).toEqual([{ name: 'refresh_token', value: '[redacted]' }, { name: 'status', value: 'active' }])
    expect(entries[2]?.request.headers).toEqual([])
    expect(entries.every((e) => typeof e.at === 'number' && e.id.length > 0)).toBe(true)

    // A fresh open reads the same entries back; clearing one profile leaves the others.
    const reopened = await openConsoleHistory(dir)
    expect(reopened.list('p1')).toHaveLength(4)
    await reopened.add({ ...reopened.list()[0]!, id: 'other', request: { ...reopened.list()[0]!.request, profileId: 'p2' } })
    await reopened.clear('p1')
    expect(reopened.list().map((e) => e.request.profileId)).toEqual(['p2'])
  })

  it('a deeply nested JSON body: the answer comes back; history keeps the body down to a depth, a marker below', async () => {
    const history = memoryConsoleHistory()
    const { send } = setup(history)
    const body = `${'['.repeat(40_000)}${']'.repeat(40_000)}`
    const response = await send({ method: 'POST', url: '/users', body })
    expect(response.status).toBeGreaterThan(0)
    expect(response.error).toBeUndefined()
    const kept = history.list('p1')[0]?.request.body ?? ''
    expect(kept).toContain(TOO_DEEP)
    expect(kept.length).toBeLessThan(20_000)
    // What lies below the cut is never kept, credentials included.
    let nested: unknown = { access_token: 'canary-deep-token-321', innocent: 'x' }
    for (let i = 0; i < 100; i++) nested = { level: nested }
    const cleaned = sanitizeForHistory({ profileId: 'p1', method: 'POST', url: '/users', query: [], headers: [], body: JSON.stringify(nested) })
    expect(cleaned.body).toContain(TOO_DEEP)
    expect(cleaned.body).not.toContain('canary-deep-token-321')
  })

  it('a history that cannot be written never hides the answer', async () => {
    const failing: ConsoleHistory = { ...memoryConsoleHistory(), add: async () => Promise.reject(new Error('disk full')) }
    const { send } = setup(failing)
    expect((await send({ method: 'GET', url: '/users/me' })).status).toBe(200)
  })

  it('keeps the last 200 requests', async () => {
    const history = memoryConsoleHistory()
    const { send } = setup(history)
    sandbox.setFaults([{ kind: 'status', status: 503, pathPrefix: '/v2/users' }])
    for (let i = 0; i < 205; i++) await send({ method: 'GET', url: `/users/u${i}` })
    const entries = history.list()
    expect(entries).toHaveLength(200)
    expect(entries[0]?.request.url).toBe('/users/u204')
    expect(entries.at(-1)?.request.url).toBe('/users/u5')
  })

  it('a history entry becomes a curl command with the placeholder, not the token', async () => {
    const tokens = sandboxTokens(sandbox)
    const token = (await tokens.getAccessToken('p1')).accessToken
    const { send, history } = setup(memoryConsoleHistory(), tokens)
    await send({ method: 'GET', url: '/users/me', headers: [{ name: 'Authorization', value: `Bearer ${token}` }] })
    const request = history.list()[0]!.request
    const url = resolveConsoleUrl(request.url, sandbox.url, request.query ?? [])
    const curl = toCurl({ method: request.method, url: url.ok ? url.url.href : '', headers: request.headers ?? [] })
    expect(curl).toContain('$ZOOM_ACCESS_TOKEN')
    expect(curl).not.toContain(token)
  })
})

describe('rate usage', () => {
  it('console requests are paced and counted in the account’s usage, 429s included', async () => {
    sandbox.setFaults([{ kind: 'rate-limit', pathPrefix: '/v2/users', count: 1 }])
    const tokens = sandboxTokens(sandbox)
    const clients = createZoomClients({ tokens, profiles: profileLookup(sandboxProfile(sandbox)), retry: FAST_RETRY, timeouts: FAST_TIMEOUTS })
    const service = new ConsoleService({ clients, history: memoryConsoleHistory() })
    const request = consoleRequestSchema.parse({ profileId: 'p1', method: 'GET', url: '/users/me' })
    expect((await service.send(request)).status).toBe(429)
    expect((await service.send(request)).status).toBe(200)
    const usage = clients.rateUsage('p1')
    expect(usage.find((u) => u.category === 'light')).toMatchObject({ total: 2, rejected: 0 })
    // The 429 named its category (X-RateLimit-Category: Medium): that bucket is the one slowed down.
    expect(usage.find((u) => u.category === 'medium')).toMatchObject({ rejected: 1 })
  })

  it("SCIM2's requests, served beside /v2, are paced and counted too", async () => {
    const tokens = sandboxTokens(sandbox)
    const clients = createZoomClients({ tokens, profiles: profileLookup(sandboxProfile(sandbox)), retry: FAST_RETRY, timeouts: FAST_TIMEOUTS })
    const service = new ConsoleService({ clients, history: memoryConsoleHistory() })
    const request = consoleRequestSchema.parse({ profileId: 'p1', method: 'GET', url: '/scim2/Users', query: [{ name: 'count', value: '2' }] })
    expect((await service.send(request)).status).toBe(200)
    expect(clients.rateUsage('p1').reduce((sum, u) => sum + u.total, 0)).toBe(1)
  })
})
