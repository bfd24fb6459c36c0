// The token-endpoint client against a scripted local server: wire format and strict validation
// (security.md §6.2 cases 8–10).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { exchangeAuthorizationCode, refreshAccessToken } from '../../../main/auth/grants'
import { createTokenEndpointClient } from '../../../main/auth/token-endpoint'
import type { TokenEndpointError } from '../../../main/auth/token-endpoint-error'

interface Seen {
  headers: IncomingMessage['headers']
  body: URLSearchParams
  path: string
}
let reply: (res: ServerResponse) => void
let seen: Seen[] = []
let server: Server
let base = ''
const clock = { now: () => 1_000_000 }
const endpoint = createTokenEndpointClient({ clock, timeoutMs: 2_000 })
const json = (status: number, value: unknown, headers: Record<string, string> = {}) => (res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(typeof value === 'string' ? value : JSON.stringify(value))
}
const good = { access_token: 'AT-1', token_type: 'bearer', expires_in: 3599, refresh_token: 'RT-1', scope: 'a b', api_url: 'https://api.zoom.us' }

beforeAll(async () => {
  server = createServer((req, res) => {
    let data = ''
    req.on('data', (chunk: Buffer) => (data += chunk.toString()))
    req.on('end', () => {
      seen.push({ headers: req.headers, body: new URLSearchParams(data), path: req.url ?? '' })
      reply(res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))
beforeEach(() => {
  seen = []
  reply = json(200, good)
})

const refresh = () => refreshAccessToken(endpoint, base, { clientId: 'cid', clientSecret: 'sec' }, 'RT-0')
async function failure(): Promise<TokenEndpointError> {
  try {
    await refresh()
  } catch (error) {
    return error as TokenEndpointError
  }
  throw new Error('expected a failure')
}

describe('token endpoint client', () => {
  it('sends Basic auth and a form body for confidential clients', async () => {
    const result = await refresh()
    expect(result).toMatchObject({ access_token: 'AT-1', refresh_token: 'RT-1', expires_in: 3599, startedAt: 1_000_000 })
    const [request] = seen
    expect(request?.path).toBe('/oauth/token')
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from('cid:sec').toString('base64')}`)
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(Object.fromEntries(request?.body ?? [])).toEqual({ grant_type: 'refresh_token', refresh_token: 'RT-0' })
  })

  it('sends client_id and code_verifier, and never a client secret, for public clients', async () => {
    await exchangeAuthorizationCode(endpoint, base, { clientId: 'pub' }, { code: 'C', redirectUri: 'http://127.0.0.1:1/cb', codeVerifier: 'v'.repeat(43) })
    const [request] = seen
    expect(request?.headers.authorization).toBeUndefined()
    expect(request?.body.has('client_secret')).toBe(false)
    expect(Object.fromEntries(request?.body ?? [])).toEqual({ grant_type: 'authorization_code', code: 'C', redirect_uri: 'http://127.0.0.1:1/cb', code_verifier: 'v'.repeat(43), client_id: 'pub' })
  })

  it.each([
    ['non-JSON', (res: ServerResponse) => res.writeHead(200, { 'content-type': 'application/json' }).end('not json')],
    ['an HTML page', (res: ServerResponse) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>portal</html>')],
    ['an empty body', json(200, '')],
    ['null', json(200, 'null')],
    ['an array', json(200, '[]')],
    ['expires_in as a string', json(200, { ...good, expires_in: '3600' })],
    ['a numeric access_token', json(200, { ...good, access_token: 123 })],
    ['no access_token', json(200, { token_type: 'bearer', expires_in: 1 })],
    ['an unknown token_type', json(200, { ...good, token_type: 'mac' })],
    ['a 200 carrying an error', json(200, { error: 'invalid_grant', reason: 'x' })],
    ['a body over 64 KB', json(200, { ...good, padding: 'x'.repeat(70_000) })],
  ])('treats %s as an invalid, transient response', async (_name, respond) => {
    reply = respond
    const error = await failure()
    expect(error.code).toBe('AUTH_RESPONSE_INVALID')
    expect(error.kind).toBe('transient')
  })

  it('maps invalid_grant to a grant that ended, with Zoom reason escaped', async () => {
    reply = json(400, { reason: 'Invalid Token! <b>', error: 'invalid_grant' })
    const error = await failure()
    expect(error.code).toBe('AUTH_INVALID_GRANT')
    expect(error.kind).toBe('grant-ended')
    expect(error.message).toContain('Invalid Token! &lt;b&gt;')
    expect(error.details).toMatchObject({ httpStatus: 400, zoomCode: 'invalid_grant', zoomMessage: 'Invalid Token! &lt;b&gt;' })
  })

  it('maps invalid_client and invalid_request to rejections that need the person', async () => {
    reply = json(401, { reason: 'Invalid client_id or client_secret', error: 'invalid_client' })
    expect(await failure()).toMatchObject({ code: 'AUTH_INVALID_CLIENT', kind: 'rejected' })
    reply = json(400, { reason: 'Account does not exist', error: 'invalid_request' })
    const error = await failure()
    expect(error).toMatchObject({ code: 'AUTH_TOKEN_ENDPOINT', kind: 'rejected' })
    expect(error.message).toContain('Account does not exist')
  })

  it('says in plain words that the requested scopes were refused (invalid_scope, RFC 6749 §5.2)', async () => {
    reply = json(400, { error: 'invalid_scope', error_description: 'no scope requested' })
    const error = await failure()
    expect(error).toMatchObject({ code: 'AUTH_TOKEN_ENDPOINT', kind: 'rejected', details: { zoomCode: 'invalid_scope' } })
    expect(error.message).toMatch(/^The token request was refused because of the requested scopes.*: no scope requested$/)
  })

  it('keeps tokens on 429, 5xx, HTML errors and network failures', async () => {
    reply = json(429, { reason: 'slow down' }, { 'retry-after': '7' })
    expect(await failure()).toMatchObject({ code: 'ZOOM_RATE_LIMITED', kind: 'transient', details: { retryAfterMs: 7000 } })
    for (const status of [500, 502, 503]) {
      reply = json(status, { reason: 'down' })
      expect(await failure()).toMatchObject({ code: 'AUTH_TOKEN_ENDPOINT', kind: 'transient', details: { httpStatus: status } })
    }
    reply = (res) => res.writeHead(400, { 'content-type': 'text/html' }).end('<html>proxy</html>')
    expect(await failure()).toMatchObject({ code: 'AUTH_RESPONSE_INVALID', kind: 'transient' })
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    await expect(refreshAccessToken(endpoint, `http://127.0.0.1:${port}`, { clientId: 'c', clientSecret: 's' }, 'r')).rejects.toMatchObject({ code: 'NETWORK', kind: 'transient' })
  })

  it('times out a stalled response and honours an abort', async () => {
    const slow = createTokenEndpointClient({ clock, timeoutMs: 200 })
    reply = (res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"access_token":')
      setTimeout(() => res.end('"x","token_type":"bearer"}'), 1_000).unref()
    }
    await expect(refreshAccessToken(slow, base, { clientId: 'c', clientSecret: 's' }, 'r')).rejects.toMatchObject({ code: 'TIMEOUT' })
    const controller = new AbortController()
    const pending = refreshAccessToken(endpoint, base, { clientId: 'c', clientSecret: 's' }, 'r', controller.signal)
    controller.abort()
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' })
  })

  // Quitting waits for these (main/tokens/settle-bound.ts): each ends, answered or timed out.
  it('says a request is on the wire until it is answered or times out', async () => {
    const client = createTokenEndpointClient({ clock, timeoutMs: 200 })
    let answer = () => undefined as void
    const arrived = new Promise<void>((resolve) => {
      reply = (res) => {
        answer = () => json(200, good)(res)
        resolve()
      }
    })
    expect(client.busy()).toBe(false)
    const answered = refreshAccessToken(client, base, { clientId: 'c', clientSecret: 's' }, 'r')
    await arrived
    let idle = false
    const idling = client.idle().then(() => void (idle = true))
    expect([client.busy(), idle]).toEqual([true, false])
    answer()
    await expect(answered).resolves.toMatchObject({ access_token: 'AT-1' })
    await idling
    expect(client.busy()).toBe(false)
    // Never answered: the request's own timeout ends the wait.
    reply = () => undefined
    const stalled = refreshAccessToken(client, base, { clientId: 'c', clientSecret: 's' }, 'r').catch((error: TokenEndpointError) => error.code)
    expect(client.busy()).toBe(true)
    await client.idle()
    expect(client.busy()).toBe(false)
    expect(await stalled).toBe('TIMEOUT')
  })

  it('revokes with the token in the body', async () => {
    reply = json(200, { status: 'success' })
    await endpoint.revoke(base, { clientId: 'cid', clientSecret: 'sec' }, 'AT-9')
    expect(seen[0]?.path).toBe('/oauth/revoke')
    expect(seen[0]?.body.get('token')).toBe('AT-9')
  })
})
