import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { USER_SCOPES } from './apps'
import { startSandbox, type Sandbox } from './index'
import { basicAuth, getJson, pkcePair, postForm, s2sToken, userTokens, type TokenBody } from './testing'

let zoom: Sandbox
const tokenUrl = () => `${zoom.url}/oauth/token`

beforeAll(async () => {
  zoom = await startSandbox({ seed: 3, users: 50, plan: 'unlimited' })
})
afterAll(() => zoom.close())

async function body(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>
}

describe('account_credentials (S2S)', () => {
  it('issues a bearer token with scope and api_url, and no refresh token', async () => {
    const token = await s2sToken(zoom)
    expect(token.token_type).toBe('bearer')
    expect(token.expires_in).toBe(3599)
    expect(token.refresh_token).toBeUndefined()
    expect(token.scope.split(' ')).toContain('user:read:list_users:admin')
    expect(token.api_url).toBe(zoom.url)
  })

  it('accepts the grant parameters in the query string too', async () => {
    const { accountId, clientId, clientSecret } = zoom.apps.s2s
    const res = await fetch(`${tokenUrl()}?grant_type=account_credentials&account_id=${accountId}`, { method: 'POST', headers: { authorization: basicAuth(clientId, clientSecret) } })
    expect(res.status).toBe(200)
  })

  it('keeps earlier S2S tokens valid when a new one is minted', async () => {
    const first = await s2sToken(zoom)
    await s2sToken(zoom)
    expect((await getJson(`${zoom.url}/v2/users/me`, first.access_token)).status).toBe(200)
  })

  it('rejects a wrong secret with Zoom\'s invalid_client body and status 400', async () => {
    const { accountId, clientId } = zoom.apps.s2s
    const res = await postForm(tokenUrl(), { grant_type: 'account_credentials', account_id: accountId }, { authorization: basicAuth(clientId, 'wrong') })
    expect(res.status).toBe(400)
    expect(await body(res)).toEqual({ reason: 'Invalid client_id or client_secret', error: 'invalid_client' })
    expect(res.headers.get('x-zm-trackingid')).toBeTruthy()
  })

  it('rejects an unknown account id', async () => {
    const { clientId, clientSecret } = zoom.apps.s2s
    const res = await postForm(tokenUrl(), { grant_type: 'account_credentials', account_id: 'nope' }, { authorization: basicAuth(clientId, clientSecret) })
    expect(res.status).toBe(400)
    expect(await body(res)).toEqual({ reason: 'Account does not exist', error: 'invalid_request' })
  })

  it('refuses grants the app type does not support', async () => {
    const { clientId, clientSecret } = zoom.apps.userOAuth
    const res = await postForm(tokenUrl(), { grant_type: 'account_credentials', account_id: zoom.accountId }, { authorization: basicAuth(clientId, clientSecret) })
    expect(await body(res)).toMatchObject({ error: 'unsupported_grant_type' })
    const other = await postForm(tokenUrl(), { grant_type: 'password' }, { authorization: basicAuth(clientId, clientSecret) })
    expect(other.status).toBe(400)
    expect(await body(other)).toMatchObject({ error: 'unsupported_grant_type' })
  })
})

describe('authorization_code', () => {
  it('exchanges a code once, with the same redirect URI', async () => {
    const { clientId, clientSecret, redirectUri } = zoom.apps.userOAuth
    const code = zoom.issueCode({ app: 'userOAuth' })
    const auth = { authorization: basicAuth(clientId, clientSecret) }
    const first = await postForm(tokenUrl(), { grant_type: 'authorization_code', code, redirect_uri: redirectUri }, auth)
    expect(first.status).toBe(200)
    const tokens = (await first.json()) as TokenBody
    expect(tokens.refresh_token).toEqual(expect.any(String))
    expect(tokens.scope).toBe(USER_SCOPES.join(' '))
    const again = await postForm(tokenUrl(), { grant_type: 'authorization_code', code, redirect_uri: redirectUri }, auth)
    expect(again.status).toBe(400)
    expect(await body(again)).toEqual({ reason: 'Invalid authorization code', error: 'invalid_grant' })
  })

  it('binds the code to its redirect URI and client', async () => {
    const user = zoom.apps.userOAuth
    const admin = zoom.apps.adminOAuth
    const code = zoom.issueCode({ app: 'userOAuth' })
    const wrongClient = await postForm(tokenUrl(), { grant_type: 'authorization_code', code, redirect_uri: user.redirectUri }, { authorization: basicAuth(admin.clientId, admin.clientSecret) })
    expect(await body(wrongClient)).toMatchObject({ error: 'invalid_grant' })
    const code2 = zoom.issueCode({ app: 'userOAuth' })
    const wrongUri = await postForm(tokenUrl(), { grant_type: 'authorization_code', code: code2, redirect_uri: `${user.redirectUri}/x` }, { authorization: basicAuth(user.clientId, user.clientSecret) })
    expect(wrongUri.status).toBe(400)
    expect(await body(wrongUri)).toMatchObject({ error: 'invalid_grant' })
  })

  it('expires codes after 5 minutes', async () => {
    const { clientId, clientSecret, redirectUri } = zoom.apps.userOAuth
    const code = zoom.issueCode({ app: 'userOAuth' })
    zoom.advanceClock(5 * 60_000)
    const res = await postForm(tokenUrl(), { grant_type: 'authorization_code', code, redirect_uri: redirectUri }, { authorization: basicAuth(clientId, clientSecret) })
    expect(await body(res)).toEqual({ reason: 'Invalid authorization code', error: 'invalid_grant' })
  })

  it('checks PKCE S256 and plain (plain when the method is omitted)', async () => {
    const { clientId, clientSecret, redirectUri } = zoom.apps.userOAuth
    const auth = { authorization: basicAuth(clientId, clientSecret) }
    const { verifier, challenge } = pkcePair()
    const s256 = zoom.issueCode({ app: 'userOAuth', codeChallenge: challenge, method: 'S256' })
    const bad = await postForm(tokenUrl(), { grant_type: 'authorization_code', code: s256, redirect_uri: redirectUri, code_verifier: `${verifier}x` }, auth)
    expect(await body(bad)).toMatchObject({ error: 'invalid_grant' })
    const s256b = zoom.issueCode({ app: 'userOAuth', codeChallenge: challenge, method: 'S256' })
    expect((await postForm(tokenUrl(), { grant_type: 'authorization_code', code: s256b, redirect_uri: redirectUri, code_verifier: verifier }, auth)).status).toBe(200)
    const plain = zoom.issueCode({ app: 'userOAuth', codeChallenge: verifier })
    expect((await postForm(tokenUrl(), { grant_type: 'authorization_code', code: plain, redirect_uri: redirectUri, code_verifier: verifier }, auth)).status).toBe(200)
    const missing = zoom.issueCode({ app: 'userOAuth', codeChallenge: challenge, method: 'S256' })
    expect((await postForm(tokenUrl(), { grant_type: 'authorization_code', code: missing, redirect_uri: redirectUri }, auth)).status).toBe(400)
  })

  it('lets the public client authenticate with client_id and PKCE only', async () => {
    const { clientId, redirectUri } = zoom.apps.public
    const { verifier, challenge } = pkcePair()
    const code = zoom.issueCode({ app: 'public', codeChallenge: challenge, method: 'S256' })
    const res = await postForm(tokenUrl(), { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier, client_id: clientId })
    expect(res.status).toBe(200)
    const tokens = (await res.json()) as TokenBody
    const refreshed = await postForm(tokenUrl(), { grant_type: 'refresh_token', refresh_token: tokens.refresh_token!, client_id: clientId })
    expect(refreshed.status).toBe(200)
    expect(zoom.stats().tokenClientAuth.public).toBeGreaterThanOrEqual(2)
  })

  it('answers invalid_client for a confidential client id sent without its secret', async () => {
    const code = zoom.issueCode({ app: 'userOAuth' })
    const res = await postForm(tokenUrl(), { grant_type: 'authorization_code', code, redirect_uri: zoom.apps.userOAuth.redirectUri, client_id: zoom.apps.userOAuth.clientId })
    expect(res.status).toBe(400)
    expect(await body(res)).toEqual({ reason: 'Invalid client_id or client_secret', error: 'invalid_client' })
  })
})

describe('refresh_token', () => {
  it('rotates: the new refresh token works, the previous one fails with invalid_grant', async () => {
    const { clientId, clientSecret } = zoom.apps.userOAuth
    const auth = { authorization: basicAuth(clientId, clientSecret) }
    const first = await userTokens(zoom, 'userOAuth')
    const second = (await (await postForm(tokenUrl(), { grant_type: 'refresh_token', refresh_token: first.refresh_token! }, auth)).json()) as TokenBody
    expect(second.refresh_token).not.toBe(first.refresh_token)
    expect(second.access_token).not.toBe(first.access_token)
    const reuse = await postForm(tokenUrl(), { grant_type: 'refresh_token', refresh_token: first.refresh_token! }, auth)
    expect(reuse.status).toBe(400)
    expect(await body(reuse)).toEqual({ reason: 'Invalid Token!', error: 'invalid_grant' })
    expect((await postForm(tokenUrl(), { grant_type: 'refresh_token', refresh_token: second.refresh_token! }, auth)).status).toBe(200)
  })

  it('revokes the earlier grant when the same user authorizes the same app again', async () => {
    const { clientId, clientSecret } = zoom.apps.adminOAuth
    const earlier = await userTokens(zoom, 'adminOAuth')
    const later = await userTokens(zoom, 'adminOAuth')
    expect((await getJson(`${zoom.url}/v2/users/me`, earlier.access_token)).status).toBe(401)
    const refresh = await postForm(tokenUrl(), { grant_type: 'refresh_token', refresh_token: earlier.refresh_token! }, { authorization: basicAuth(clientId, clientSecret) })
    expect(await body(refresh)).toMatchObject({ error: 'invalid_grant' })
    expect((await getJson(`${zoom.url}/v2/users/me`, later.access_token)).status).toBe(200)
  })

  it('expires refresh tokens after the configured lifetime', async () => {
    const short = await startSandbox({ seed: 3, users: 10, tokenLifetimes: { refreshTokenSeconds: 60 } })
    try {
      const tokens = await userTokens(short, 'userOAuth')
      short.advanceClock(61_000)
      const { clientId, clientSecret } = short.apps.userOAuth
      const res = await postForm(`${short.url}/oauth/token`, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! }, { authorization: basicAuth(clientId, clientSecret) })
      expect(await body(res)).toMatchObject({ error: 'invalid_grant' })
    } finally {
      await short.close()
    }
  })
})

describe('revoke', () => {
  it('revokes the token and its grant', async () => {
    const { clientId, clientSecret } = zoom.apps.userOAuth
    const auth = { authorization: basicAuth(clientId, clientSecret) }
    const tokens = await userTokens(zoom, 'userOAuth')
    const before = zoom.stats().revocations
    const res = await postForm(`${zoom.url}/oauth/revoke`, { token: tokens.access_token }, auth)
    expect(res.status).toBe(200)
    expect(await body(res)).toEqual({ status: 'success' })
    expect(zoom.stats().revocations).toBe(before + 1)
    expect((await getJson(`${zoom.url}/v2/users/me`, tokens.access_token)).status).toBe(401)
    const refresh = await postForm(tokenUrl(), { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! }, auth)
    expect(await body(refresh)).toMatchObject({ error: 'invalid_grant' })
  })

  it('revokeAllGrants() kills every live token', async () => {
    const s2s = await s2sToken(zoom)
    const user = await userTokens(zoom, 'userOAuth')
    zoom.revokeAllGrants()
    expect((await getJson(`${zoom.url}/v2/users/me`, s2s.access_token)).status).toBe(401)
    expect((await getJson(`${zoom.url}/v2/users/me`, user.access_token)).status).toBe(401)
  })
})

describe('stats', () => {
  it('counts token requests by grant type without keeping token values', async () => {
    const before = zoom.stats()
    await s2sToken(zoom)
    const after = zoom.stats()
    expect(after.tokenRequests.account_credentials).toBe((before.tokenRequests.account_credentials ?? 0) + 1)
    const text = JSON.stringify(after)
    expect(text).not.toContain(zoom.apps.s2s.clientSecret)
    expect(text).not.toMatch(/eyJ/)
  })
})

describe('canary secrets', () => {
  it('uses client secrets given in the options', async () => {
    const canary = await startSandbox({ users: 10, apps: { s2s: { clientSecret: 'CANARY-s2s-secret-123' } } })
    try {
      expect(canary.apps.s2s.clientSecret).toBe('CANARY-s2s-secret-123')
      expect((await s2sToken(canary)).access_token).toEqual(expect.any(String))
    } finally {
      await canary.close()
    }
  })
})

describe('what Zoom does that the sandbox does not emulate', () => {
  // Zoom's token endpoint takes the device flow's grant and client_credentials, and Zoom starts the
  // device flow at /oauth/devicecode: the sandbox must not answer as if Zoom refused them.
  it('refuses the device-code and client_credentials grants as not emulated, not as unsupported', async () => {
    const { clientId, clientSecret } = zoom.apps.userOAuth
    const forms: Record<string, string>[] = [{ grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: 'abc' }, { grant_type: 'client_credentials' }]
    for (const form of forms) {
      const res = await postForm(tokenUrl(), form, { authorization: basicAuth(clientId, clientSecret) })
      expect(res.status).toBe(400)
      expect(await body(res)).toEqual({ reason: `The sandbox does not emulate the ${form.grant_type ?? ''} grant (not emulated).`, error: 'invalid_request' })
    }
  })

  it('refuses /oauth/devicecode as not emulated', async () => {
    const { clientId, clientSecret } = zoom.apps.userOAuth
    const res = await postForm(`${zoom.url}/oauth/devicecode?client_id=${clientId}`, {}, { authorization: basicAuth(clientId, clientSecret) })
    expect(res.status).toBe(400)
    expect(await body(res)).toMatchObject({ reason: expect.stringContaining('(not emulated)') })
  })
})
