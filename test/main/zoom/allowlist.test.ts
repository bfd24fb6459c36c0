// The allowlist is enforced before any byte leaves: a foreign host (here: another loopback port)
// must never even see a connection, whether it is asked directly, reached through a redirect, or
// named as the token's api_url. A download's redirect stays within the allowed domains too
// (test/main/downloads/redirects.test.ts covers plain http and Zoom's own download hosts).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Profile } from '../../../common/profile'
import { createZoomClients } from '../../../main/zoom'
import type { TokenProvider } from '../../../main/zoom/ports'
import { FAST_RETRY, FAST_TIMEOUTS, loopbackProfile, profileLookup } from './sandbox-helpers'
import { caught } from '../../support/caught'

const TOKEN = 'canary-token-7f3a9c'

interface Recorder {
  server: Server
  url: string
  connections: number
  requests: { url: string; headers: IncomingHttpHeaders }[]
}

async function listen(handler: (url: string, respond: (status: number, headers: Record<string, string>, body?: string) => void) => void): Promise<Recorder> {
  const recorder = { connections: 0, requests: [] } as unknown as Recorder
  const server = createServer((req, res) => {
    recorder.requests.push({ url: req.url ?? '', headers: req.headers })
    handler(req.url ?? '', (status, headers, body = '') => {
      res.writeHead(status, headers)
      res.end(body)
    })
  })
  server.on('connection', () => recorder.connections++)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  recorder.server = server
  recorder.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return recorder
}

let foreign: Recorder
let home: Recorder

beforeAll(async () => {
  foreign = await listen((_url, respond) => respond(200, { 'content-type': 'application/json' }, '{"stolen":true}'))
  home = await listen((url, respond) => {
    if (url.startsWith('/v2/redirect')) respond(302, { location: `${foreign.url}/v2/users/me` })
    else if (url.startsWith('/rec/download')) respond(302, { location: `${foreign.url}/file.mp4` })
    else respond(200, { 'content-type': 'application/json' }, '{"id":"me"}')
  })
})
afterAll(async () => {
  await new Promise((resolve) => foreign.server.close(resolve))
  await new Promise((resolve) => home.server.close(resolve))
})
beforeEach(() => {
  foreign.connections = 0
  foreign.requests.length = 0
})

function profile(): Profile {
  return loopbackProfile(home.url)
}

function client(apiUrl?: string) {
  const tokens: TokenProvider = { getAccessToken: async () => ({ accessToken: TOKEN, ...(apiUrl ? { apiUrl } : {}) }) }
  return createZoomClients({ tokens, profiles: profileLookup(profile()), retry: FAST_RETRY, timeouts: FAST_TIMEOUTS }).forProfile('p1')
}


describe('the domain allowlist', () => {
  it('sends to the profile’s own API host', async () => {
    expect(await client().get('/users/me')).toEqual({ id: 'me' })
  })

  it('refuses an absolute URL on another port before connecting (console)', async () => {
    const error = await caught(client().send({ method: 'GET', url: `${foreign.url}/v2/users/me` }))
    expect(error.code).toBe('DOMAIN_NOT_ALLOWED')
    expect(error.message).not.toContain(TOKEN)
    expect(foreign.connections).toBe(0)
  })

  it('refuses a download URL outside the allowlist before connecting', async () => {
    const error = await caught(client().stream(`${foreign.url}/rec/download/x`))
    expect(error.code).toBe('DOMAIN_NOT_ALLOWED')
    expect(foreign.connections).toBe(0)
  })

  it('refuses to follow an API redirect to a foreign host', async () => {
    const error = await caught(client().get('/redirect'))
    expect(error.code).toBe('DOMAIN_NOT_ALLOWED')
    expect(foreign.connections).toBe(0)
  })

  it('the console follows no redirect to a foreign host, with the profile’s token or a person’s own Authorization', async () => {
    for (const headers of [[], [{ name: 'Authorization', value: 'Bearer typed-by-the-person' }]]) {
      const error = await caught(client().send({ method: 'GET', url: '/redirect', headers }))
      expect(error.code).toBe('DOMAIN_NOT_ALLOWED')
    }
    expect(foreign.connections).toBe(0)
  })

  it('ignores a token api_url outside the allowlist and keeps the cloud’s host', async () => {
    expect(await client(foreign.url).get('/users/me')).toEqual({ id: 'me' })
    expect(foreign.connections).toBe(0)
  })

  it('refuses a download redirect to a host outside the allowed download domains, before connecting', async () => {
    const before = home.requests.length
    const error = await caught(client().stream(`${home.url}/rec/download/abc`, { range: { start: 10 } }))
    expect(error.code).toBe('DOMAIN_NOT_ALLOWED')
    expect(error.message).toContain('redirect')
    expect(error.message).not.toContain(TOKEN)
    expect(home.requests[before]?.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(home.requests[before]?.headers.range).toBe('bytes=10-')
    expect(foreign.connections).toBe(0)
  })
})
