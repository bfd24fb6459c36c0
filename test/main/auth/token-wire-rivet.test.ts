// Our token requests beside Zoom's own SDK's (@zoom/rivet) on the wire: the S2S grant, the
// authorization-code exchange and the refresh must reach /oauth/token with the same Basic
// credentials, content type and form parameters, for any Zoom-shaped credentials.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { UsersOAuthClient, UsersS2SAuthClient } from '@zoom/rivet/users'
import fc from 'fast-check'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { exchangeAuthorizationCode, mintServerToServer, refreshAccessToken } from '../../../main/auth/grants'
import { createTokenEndpointClient } from '../../../main/auth/token-endpoint'
import { rivetAuth, routeRivetOAuthTo } from '../../support/rivet-oauth'

interface Seen { path: string; authorization: string | undefined; contentType: string | undefined; form: Record<string, string> }

let server: Server
let base = ''
let seen: Seen[] = []
let unroute: () => void
const endpoint = createTokenEndpointClient({ clock: { now: () => Date.now() }, timeoutMs: 2_000 })
// What rivet insists on (S2S and user OAuth), so both clients go through.
const tokenBody = JSON.stringify({ access_token: 'AT', token_type: 'bearer', refresh_token: 'RT', expires_in: 3599, scope: 'user:read:admin', api_url: 'https://api.zoom.us' })

beforeAll(async () => {
  server = createServer((req, res) => {
    let data = ''
    req.on('data', (chunk: Buffer) => (data += chunk.toString()))
    req.on('end', () => {
      seen.push({ path: req.url ?? '', authorization: req.headers.authorization, contentType: req.headers['content-type'], form: Object.fromEntries(new URLSearchParams(data)) })
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(tokenBody)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  unroute = routeRivetOAuthTo(base)
})
afterAll(async () => {
  unroute()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})
beforeEach(() => { seen = [] })

// Zoom's client ids are URL-safe (letters, digits, `_`), its secrets, account ids, codes and
// refresh tokens likewise; JWT-style tokens add `.`.
const id = fc.stringMatching(/^[A-Za-z0-9_]{10,32}$/)
const secret = fc.stringMatching(/^[A-Za-z0-9]{20,40}$/)
const opaque = fc.stringMatching(/^[A-Za-z0-9_.-]{10,200}$/)

/** The two requests seen, ours first, with the media type alone (no parameters). */
function pair(): [Seen, Seen] {
  expect(seen).toHaveLength(2)
  const [ours, rivet] = seen.map((s) => ({ ...s, contentType: s.contentType?.split(';')[0]?.trim() })) as [Seen, Seen]
  return [ours, rivet]
}

describe('token requests agree with @zoom/rivet on the wire', () => {
  it('S2S account_credentials', async () => {
    await fc.assert(fc.asyncProperty(id, secret, id, async (clientId, clientSecret, accountId) => {
      seen = []
      await mintServerToServer(endpoint, base, { clientId, clientSecret }, accountId)
      await rivetAuth(new UsersS2SAuthClient({ clientId, clientSecret, accountId, disableReceiver: true })).getToken()
      const [ours, rivet] = pair()
      expect(ours).toEqual(rivet)
      expect(ours.form).toEqual({ grant_type: 'account_credentials', account_id: accountId })
    }), { numRuns: 40 })
  })

  it('authorization_code exchange and refresh_token', async () => {
    await fc.assert(fc.asyncProperty(id, secret, opaque, opaque, async (clientId, clientSecret, code, refreshToken) => {
      const redirectUri = 'https://example.com/zoom/callback'
      const rivet = new UsersOAuthClient({ clientId, clientSecret, disableReceiver: true, installerOptions: { redirectUri, redirectUriPath: '/zoom/callback', stateStore: 'state-secret-for-the-test' } })
      seen = []
      await exchangeAuthorizationCode(endpoint, base, { clientId, clientSecret }, { code, redirectUri })
      await rivetAuth(rivet).initRedirectCode(code)
      const [ours, theirs] = pair()
      expect(ours).toEqual(theirs)
      seen = []
      await refreshAccessToken(endpoint, base, { clientId, clientSecret }, refreshToken)
      await rivetAuth(rivet).refreshAccessToken(refreshToken)
      const [oursRefresh, theirsRefresh] = pair()
      expect(oursRefresh).toEqual(theirsRefresh)
      expect(oursRefresh.form).toEqual({ grant_type: 'refresh_token', refresh_token: refreshToken })
    }), { numRuns: 40 })
  })
})
