// The token manager against the sandbox: restart, rotation, single-flight, failure
// classification and backoff, grants that end, and canary secrets (security.md §6.2 11–17, 25, 27).
import { describe, expect } from 'vitest'
import { credentialsTest } from '../auth/credentials-fixture'
import { CANARY_SECRET, publicDraft, s2sDraft, tokenRequests, tokensOf, userDraft, type Instance } from '../auth/credentials-harness'

/** Every secret value seen during the run: none may appear on disk, in logs or in replies. */
const canaries = new Set<string>()
const HOUR = 3600_000
let counter = 0

const it = credentialsTest({ sandbox: { apps: { s2s: { clientSecret: `${CANARY_SECRET}-s2s` }, userOAuth: { clientSecret: `${CANARY_SECRET}-user` } } } })
  /** A new connected profile of that kind (on `instance`, default the file's app); its tokens join the canaries. */
  .extend('connected', { scope: 'file' }, async ({ app, sandbox }) => async (kind: 'user' | 's2s' | 'public' = 'user', instance: Instance = app): Promise<string> => {
    const name = `${kind} ${++counter}`
    const draft = kind === 's2s' ? s2sDraft(sandbox, name) : kind === 'public' ? publicDraft(sandbox, name) : userDraft(sandbox, name)
    const profile = await instance.call('profiles.create', draft)
    await instance.call('auth.connect', { profileId: profile.id })
    await remember(instance, profile.id)
    sandbox.resetStats()
    return profile.id
  })
  /** A refresh sent straight to the sandbox's token endpoint, as another installation would. */
  .extend('rawRefresh', { scope: 'file' }, async ({ sandbox }) => (refreshToken: string) =>
    fetch(`${sandbox.url}/oauth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${sandbox.apps.userOAuth.clientId}:${sandbox.apps.userOAuth.clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }).toString(),
    }),
  )

it.beforeAll(({ sandbox }) => {
  canaries.add(sandbox.apps.s2s.clientSecret).add(sandbox.apps.userOAuth.clientSecret)
})
it.beforeEach(({ sandbox }) => {
  sandbox.setFaults([])
  sandbox.resetStats()
})

async function remember(instance: Instance, profileId: string) {
  for (const token of await tokensOf(instance, profileId)) canaries.add(token)
}
async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string; details?: Record<string, unknown> }> {
  try {
    await promise
  } catch (error) {
    return error as { code: string; message: string }
  }
  throw new Error('expected a rejection')
}

describe('token manager', () => {
  it('a restart over the same files keeps every connection, without a token request', async ({ app, sandbox, harness, connected }) => {
    const ids = [await connected('s2s'), await connected('user'), await connected('public')]
    const restarted = await harness.start()
    const statuses = await restarted.call('auth.statuses', undefined)
    for (const id of ids) expect(statuses.find((s) => s.profileId === id)?.state).toBe('connected')
    for (const id of ids) expect((await restarted.credentials.tokens.getAccessToken(id)).accessToken).toBe((await tokensOf(app, id))[0])
    expect(tokenRequests(sandbox)).toBe(0)
    await restarted.close()
  })

  it('refreshes an expired token with rotation, persisted before use; the old refresh token then fails', async ({ app, sandbox, time, connected, rawRefresh }) => {
    const id = await connected('user')
    const [oldAccess, oldRefresh = ''] = await tokensOf(app, id)
    time.advance(HOUR)
    const { accessToken, apiUrl } = await app.credentials.tokens.getAccessToken(id)
    await remember(app, id)
    expect(accessToken).not.toBe(oldAccess)
    expect(apiUrl).toBe(sandbox.url)
    expect(sandbox.stats().tokenRequests).toEqual({ refresh_token: 1 })
    const [storedAccess, storedRefresh] = await tokensOf(app, id)
    expect(storedAccess).toBe(accessToken)
    expect(storedRefresh).not.toBe(oldRefresh)
    // What the Zoom client scrubs from answers that quote them: the tokens held now, not the rotated-out ones.
    expect(app.credentials.tokens.currentSecrets?.(id)).toEqual([storedAccess, storedRefresh])
    const replay = await rawRefresh(oldRefresh)
    expect(replay.status).toBe(400)
    expect(await replay.json()).toMatchObject({ error: 'invalid_grant' })
    const status = await app.call('auth.status', { profileId: id })
    expect(status).toMatchObject({ state: 'connected', lastRefreshAt: time.now() })
  })

  it('1,000 concurrent callers on an expired token cause exactly one token request', async ({ app, sandbox, time, connected }) => {
    const id = await connected('user')
    time.advance(HOUR)
    const results = await Promise.all(Array.from({ length: 1000 }, () => app.credentials.tokens.getAccessToken(id)))
    await remember(app, id)
    expect(new Set(results.map((r) => r.accessToken)).size).toBe(1)
    expect(tokenRequests(sandbox)).toBe(1)
  })

  it('twenty 401s with the rejected token cause one refresh', async ({ app, sandbox, connected }) => {
    const id = await connected('user')
    const { accessToken: rejectedToken } = await app.credentials.tokens.getAccessToken(id)
    const first = await app.credentials.tokens.getAccessToken(id, { forceRefresh: true, rejectedToken })
    const rest = await Promise.all(Array.from({ length: 20 }, () => app.credentials.tokens.getAccessToken(id, { forceRefresh: true, rejectedToken })))
    await remember(app, id)
    expect(rest.every((r) => r.accessToken === first.accessToken)).toBe(true)
    expect(tokenRequests(sandbox)).toBe(1)
  })

  it('Server-to-Server mints a new token only near expiry, and reports "expiring" first', async ({ app, sandbox, time, connected }) => {
    const id = await connected('s2s')
    const skew = (await app.call('settings.get', undefined)).refreshSkewSeconds * 1000
    const expiring = app.fakes.events.next('auth.status', (s) => s.profileId === id && s.state === 'expiring')
    time.advance(3599_000 - skew - 1000)
    await app.credentials.tokens.getAccessToken(id)
    expect(tokenRequests(sandbox)).toBe(0)
    time.advance(2000)
    await expiring
    await app.credentials.tokens.getAccessToken(id)
    await app.credentials.tokens.getAccessToken(id)
    await remember(app, id)
    expect(sandbox.stats().tokenRequests).toEqual({ account_credentials: 1 })
  })

  it.for([
    ['HTTP 503', { kind: 'status' as const, status: 503 }, 'AUTH_TOKEN_ENDPOINT'],
    ['HTTP 429', { kind: 'rate-limit' as const, retryAfter: 5 }, 'ZOOM_RATE_LIMITED'],
    ['a connection reset', { kind: 'reset' as const }, 'NETWORK'],
    ['an HTML page with HTTP 400', { kind: 'html' as const, status: 400 }, 'AUTH_RESPONSE_INVALID'],
  ] as const)('%s keeps the tokens, backs off, then recovers', async ([, fault, code], { app, sandbox, time, connected }) => {
    const id = await connected('user')
    const before = await tokensOf(app, id)
    time.advance(HOUR)
    sandbox.setFaults([{ ...fault, pathPrefix: '/oauth/token', count: 1 }])
    const error = await rejection(app.credentials.tokens.getAccessToken(id))
    expect(error.code).toBe(code)
    expect(await tokensOf(app, id)).toEqual(before)
    expect((await app.call('auth.status', { profileId: id })).state).toBe('error')
    expect(Object.values(sandbox.stats().faults)).toEqual([1])
    // Backing off: an immediate retry does not reach Zoom (the fault fired once; the next request would pass).
    expect((await rejection(app.credentials.tokens.getAccessToken(id))).code).toBe(code)
    expect(tokenRequests(sandbox)).toBe(0)
    time.advance(10_000)
    const { accessToken } = await app.credentials.tokens.getAccessToken(id)
    await remember(app, id)
    expect(accessToken).not.toBe(before[0])
    expect(tokenRequests(sandbox)).toBe(1)
    expect((await app.call('auth.status', { profileId: id })).state).toBe('connected')
  })

  it('a failed renewal inside the skew still returns the valid cached token', async ({ app, sandbox, time, connected }) => {
    const id = await connected('user')
    const [access] = await tokensOf(app, id)
    time.advance(HOUR - 60_000)
    sandbox.setFaults([{ kind: 'status', status: 500, pathPrefix: '/oauth/token', count: 1 }])
    expect((await app.credentials.tokens.getAccessToken(id)).accessToken).toBe(access)
    expect((await app.call('auth.status', { profileId: id })).error?.code).toBe('AUTH_TOKEN_ENDPOINT')
  })

  it('a rotated-out refresh token (used by another installation) → reconnect_needed with Zoom reason', async ({ app, sandbox, harness, time, connected, rawRefresh }) => {
    const id = await connected('user')
    const [, refresh = ''] = await tokensOf(app, id)
    const elsewhere = await rawRefresh(refresh)
    const stolen = (await elsewhere.json()) as { access_token: string; refresh_token: string }
    canaries.add(stolen.access_token).add(stolen.refresh_token)
    sandbox.resetStats()
    time.advance(HOUR)
    const error = await rejection(app.credentials.tokens.getAccessToken(id))
    expect(error.code).toBe('AUTH_RECONNECT_NEEDED')
    expect(error.message).toContain('Invalid Token!')
    const status = await app.call('auth.status', { profileId: id })
    expect(status).toMatchObject({ state: 'reconnect_needed', error: { code: 'AUTH_INVALID_GRANT', details: { zoomMessage: 'Invalid Token!' } } })
    // No further requests with a dead grant; the ciphertext is kept until the person acts.
    expect((await rejection(app.credentials.tokens.getAccessToken(id))).code).toBe('AUTH_RECONNECT_NEEDED')
    expect(tokenRequests(sandbox)).toBe(1)
    expect(app.vault.hasSecret(id, 'tokens')).toBe(true)
    const restarted = await harness.start()
    expect((await restarted.call('auth.status', { profileId: id })).state).toBe('reconnect_needed')
    // Connecting again heals it.
    expect((await restarted.call('auth.connect', { profileId: id })).state).toBe('connected')
    await remember(restarted, id)
    await restarted.close()
  })

  it('revoked grants → reconnect_needed for every user profile', async ({ app, sandbox, time, connected }) => {
    const ids = [await connected('user'), await connected('public')]
    sandbox.revokeAllGrants()
    time.advance(HOUR)
    for (const id of ids) {
      expect((await rejection(app.credentials.tokens.getAccessToken(id))).code).toBe('AUTH_RECONNECT_NEEDED')
      expect((await app.call('auth.status', { profileId: id })).state).toBe('reconnect_needed')
    }
  })

  it('leaves no secret in the data files, the logs or any handler result', async ({ harness }) => {
    await Promise.all(harness.instances.map((i) => i.credentials.dispose()))
    expect(canaries.size).toBeGreaterThan(20)
    const files = await harness.dataFiles()
    const logs = harness.instances.flatMap((i) => i.fakes.logs.records.map((r) => JSON.stringify(r))).join('\n')
    const events = harness.instances.flatMap((i) => i.fakes.events.events.map((e) => JSON.stringify(e))).join('\n')
    const replies = harness.transcript.join('\n')
    expect(replies.length).toBeGreaterThan(1000)
    for (const secret of canaries) {
      for (const form of [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]) {
        expect(files.includes(form), 'data files').toBe(false)
        expect(logs.includes(form), 'logs').toBe(false)
        expect(events.includes(form), 'events').toBe(false)
        expect(replies.includes(form), 'handler results').toBe(false)
      }
    }
  })
})
