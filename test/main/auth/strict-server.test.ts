// The credentials core against a strictly conformant OAuth 2.0 server (the sandbox's strict
// options, modelled on what panva's oidc-provider enforces): form-encoded Basic credentials,
// revocation that ends only the token named, RFC 6750 bearer challenges, authorization errors
// other than access_denied; and what a grant that ended means for the access token still held.
import { describe, expect } from 'vitest'
import { credentialsTest } from './credentials-fixture'
import { createZoomClients } from '../../../main/zoom'
import { basicAuth, postForm } from '../../sandbox/testing'
import { caught } from '../../support/caught'
import { s2sDraft, tokenRequests, tokensOf, userDraft } from './credentials-harness'

/** Every character RFC 6749 Appendix B makes a client encode, in a secret a real server could issue. */
const AWKWARD_SECRET = 'a+b/c=d%e&f g~h*i'

let counter = 0
const it = credentialsTest({
  sandbox: {
    strict: { formEncodedBasic: true, revokeTokenOnly: true, bearerChallenge: true, scopeRequired: true },
    apps: { s2s: { clientSecret: AWKWARD_SECRET }, userOAuth: { clientSecret: `${AWKWARD_SECRET}-user` } },
  },
})
  /** A new user-managed profile, connected; the sandbox's counts start again after it. */
  .extend('connectedUser', { scope: 'file' }, ({ app, sandbox }) => async (): Promise<string> => {
    const draft = userDraft(sandbox, `strict user ${++counter}`, { scopes: ['user:read:user'] })
    const profile = await app.call('profiles.create', draft)
    await app.call('auth.connect', { profileId: profile.id })
    sandbox.resetStats()
    return profile.id
  })

it.beforeEach(({ app, sandbox }) => {
  sandbox.resetStats()
  sandbox.setFaults([])
  app.fakes.authWindow.behaviour = 'complete'
  app.fakes.authWindow.script = { credentials: sandbox.login }
})

describe('a strictly conformant OAuth server', () => {
  it('accepts our Basic client authentication for a secret with + / = % & space (RFC 6749 §2.3.1)', async ({ app, sandbox }) => {
    // The strict check itself: the raw secret, base64-encoded without form-encoding, is refused.
    const raw = await postForm(`${sandbox.url}/oauth/token`, { grant_type: 'account_credentials', account_id: sandbox.apps.s2s.accountId }, { authorization: basicAuth(sandbox.apps.s2s.clientId, AWKWARD_SECRET) })
    expect(raw.status).toBe(400)
    sandbox.resetStats()
    const profile = await app.call('profiles.create', s2sDraft(sandbox, 'Awkward secret'))
    const status = await app.call('auth.connect', { profileId: profile.id })
    expect(status.state).toBe('connected')
    expect(sandbox.stats().tokenClientAuth).toEqual({ basic: 1 })
  })

  it('disconnect revokes the refresh token too, so the grant is over at the server (RFC 7009)', async ({ app, sandbox, connectedUser }) => {
    const profileId = await connectedUser()
    const [, refreshToken = ''] = await tokensOf(app, profileId)
    await app.call('auth.disconnect', { profileId })
    const { clientId, clientSecret } = sandbox.apps.userOAuth
    const replay = await postForm(`${sandbox.url}/oauth/token`, { grant_type: 'refresh_token', refresh_token: refreshToken }, { authorization: `Basic ${Buffer.from(`${encodeForm(clientId)}:${encodeForm(clientSecret)}`).toString('base64')}` })
    expect(replay.status).toBe(400)
    expect(await replay.json()).toMatchObject({ error: 'invalid_grant' })
  })

  it('a 401 with WWW-Authenticate: Bearer error="invalid_token" causes one refresh and one retry (RFC 6750)', async ({ app, sandbox, connectedUser }) => {
    const profileId = await connectedUser()
    const [accessToken = ''] = await tokensOf(app, profileId)
    // The server stops accepting the access token before its local expiry (its refresh token lives on).
    const { clientId, clientSecret } = sandbox.apps.userOAuth
    const revoked = await postForm(`${sandbox.url}/oauth/revoke`, { token: accessToken }, { authorization: `Basic ${Buffer.from(`${encodeForm(clientId)}:${encodeForm(clientSecret)}`).toString('base64')}` })
    expect(revoked.status).toBe(200)
    const zoom = createZoomClients({ tokens: app.credentials.tokens, profiles: app.credentials.profileLookup, rateLimiting: false, retry: { limit: 0 } })
    const me = await zoom.forProfile(profileId).get<{ email: string }>('/users/me')
    expect(me.email).toBe(sandbox.login.email)
    expect(sandbox.stats().tokenRequests).toEqual({ refresh_token: 1 })
  })

  it('a sign-in refused for its scopes says so, not "Access was declined" (RFC 6749 §4.1.2.1)', async ({ app, sandbox }) => {
    const profile = await app.call('profiles.create', userDraft(sandbox, 'No scopes'))
    const error = await caught(app.call('auth.connect', { profileId: profile.id }))
    expect(error).toMatchObject({ code: 'AUTH_RESPONSE_INVALID', details: { zoomCode: 'invalid_scope' } })
    expect(error.message).toMatch(/^The sign-in was refused because of the requested scopes/)
    expect(error.message).not.toMatch(/declined/i)
    expect(tokenRequests(sandbox)).toBe(0)
  })
})

describe('after the server ended a grant', () => {
  it('invalid_grant on a forced refresh: the rejected access token is no longer handed out, nor copied', async ({ app, sandbox, harness, connectedUser }) => {
    const profileId = await connectedUser()
    const [rejectedToken = ''] = await tokensOf(app, profileId)
    sandbox.revokeAllGrants()
    await expect(app.credentials.tokens.getAccessToken(profileId, { forceRefresh: true, rejectedToken })).rejects.toMatchObject({ code: 'AUTH_RECONNECT_NEEDED' })
    // Locally the set still looks fresh: it must not be used anyway.
    await expect(app.credentials.tokens.getAccessToken(profileId)).rejects.toMatchObject({ code: 'AUTH_RECONNECT_NEEDED' })
    await expect(app.call('auth.copyToken', { profileId })).rejects.toMatchObject({ code: 'AUTH_RECONNECT_NEEDED' })
    expect(app.fakes.clipboard.text).not.toBe(rejectedToken)
    // A restart reads the same set from the vault: still refused.
    const restarted = await harness.start()
    await expect(restarted.credentials.tokens.getAccessToken(profileId)).rejects.toMatchObject({ code: 'AUTH_RECONNECT_NEEDED' })
    expect(tokenRequests(sandbox)).toBe(1)
  })
})

/** RFC 6749 Appendix B, as the strict server expects (written out here so the test does not reuse main's helper). */
function encodeForm(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+').replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}
