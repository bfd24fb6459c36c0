// The allowlist is enforced before any byte leaves: a foreign host (here: another loopback port)
// must never even see a connection, whether it is asked directly, reached through a redirect, or
// named as the token's api_url. A download's redirect stays within the allowed domains too
// (test/main/downloads/redirects.test.ts covers plain http and Zoom's own download hosts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Profile } from '../../../common/profile'
import { createZoomClients } from '../../../main/zoom'
import type { TokenProvider } from '../../../main/zoom/ports'
import { FAST_RETRY, FAST_TIMEOUTS, loopbackProfile, profileLookup } from './sandbox-helpers'
import { caught } from '../../support/caught'
import { type Answer, recordingServer, type RecordingServer } from '../../support/recording-server'

const TOKEN = 'canary-token-7f3a9c'

let foreign: RecordingServer
let home: RecordingServer

beforeAll(async () => {
  foreign = await recordingServer(() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"stolen":true}' }))
  home = await recordingServer((url): Answer => {
    if (url.startsWith('/v2/redirect')) return { status: 302, headers: { location: `${foreign.url}/v2/users/me` } }
    if (url.startsWith('/rec/download')) return { status: 302, headers: { location: `${foreign.url}/file.mp4` } }
    return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"id":"me"}' }
  })
})
afterAll(async () => {
  await foreign.close()
  await home.close()
})
beforeEach(() => foreign.reset())

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
