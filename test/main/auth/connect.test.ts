// Connecting against the sandbox: Server-to-Server, a confidential user app through the connect
// window, a public PKCE client, the system browser with a loopback listener, and every way an
// authorization response must be refused (security.md §6.2 cases 1–7).
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import type { ConnectionStatus } from '../../../common/contract/auth'
import type { ProfileDraft } from '../../../common/profile'
import type { Sandbox } from '../../sandbox'
import { unusedFixedPort } from '../../support/free-port'
import { credentialsTest } from './credentials-fixture'
import { CANARY_SECRET, publicDraft, s2sDraft, tokenRequests, tokensOf, userDraft, type Instance } from './credentials-harness'

/** The port of the registered loopback redirect (the system-browser flow listens there). */
const loopbackPort = await unusedFixedPort()

// gate: the OAuth base of the profiles whose code exchange a test holds.
const it = credentialsTest({
  proxies: ['gate'],
  sandbox: async () => ({
    apps: {
      s2s: { clientSecret: `${CANARY_SECRET}-s2s` },
      userOAuth: { clientSecret: `${CANARY_SECRET}-user`, redirectUris: [`http://127.0.0.1:${await unusedFixedPort()}/zoom/callback`, `http://127.0.0.1:${loopbackPort}/cb`] },
    },
  }),
  start: { flowTimeoutMs: 60_000 },
})
  .extend('create', { scope: 'file' }, ({ app }) => (draft: ProfileDraft) => app.call('profiles.create', draft))
  /** A user-app profile whose token requests go through the gate, and its held code exchange. */
  .extend('exchanging', { scope: 'file' }, ({ app, sandbox, create, proxies: { gate } }) => async (name: string) => {
    const draft = userDraft(sandbox, name)
    const profile = await create({ ...draft, fields: { ...draft.fields, cloud: { kind: 'custom', oauthBaseUrl: gate.url, apiBaseUrl: sandbox.url } } })
    const held = gate.hold('/oauth/token')
    const connecting = rejection(app.call('auth.connect', { profileId: profile.id }))
    await held.arrived
    return { profileId: profile.id, held, connecting }
  })

it.beforeEach(({ app, sandbox }) => {
  sandbox.resetStats()
  sandbox.setFaults([])
  app.fakes.authWindow.behaviour = 'complete'
  app.fakes.authWindow.rewriteCallback = undefined
  app.fakes.authWindow.script = { credentials: sandbox.login }
})

async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise
  } catch (error) {
    return error as { code: string; message: string }
  }
  throw new Error('expected a rejection')
}

describe('connect', () => {
  it('Server-to-Server: mints a token with Basic auth and reports the connection', async ({ app, sandbox, time, create }) => {
    const profile = await create(s2sDraft(sandbox))
    const status = await app.call('auth.connect', { profileId: profile.id })
    expect(status).toMatchObject({ profileId: profile.id, state: 'connected', hasRefreshToken: false, apiUrl: sandbox.url })
    expect(status.grantedScopes).toContain('user:read:list_users:admin')
    expect(status.expiresAt).toBe(time.now() + 3599_000)
    expect(sandbox.stats().tokenRequests).toEqual({ account_credentials: 1 })
    expect(sandbox.stats().tokenClientAuth).toEqual({ basic: 1 })
    expect(app.fakes.events.of('auth.status').some((s) => s.profileId === profile.id && s.state === 'connecting')).toBe(true)
  })

  it('confidential user app: signs in and consents in the connect window, exchanges the code once', async ({ app, sandbox, create }) => {
    const profile = await create(userDraft(sandbox))
    const status = await app.call('auth.connect', { profileId: profile.id })
    expect(status).toMatchObject({ state: 'connected', hasRefreshToken: true })
    expect(sandbox.stats().tokenRequests).toEqual({ authorization_code: 1 })
    expect(sandbox.stats().tokenClientAuth).toEqual({ basic: 1 })
    const opened = app.fakes.authWindow.opened.at(-1)
    expect(opened?.partition).toBe(`persist:zc-${profile.id}`)
    const url = new URL(opened?.url ?? '')
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    // The redirect was intercepted, never loaded.
    expect(sandbox.stats().api).toEqual({})
  })

  it('public PKCE client: no secret is ever sent', async ({ app, sandbox, create }) => {
    const profile = await create(publicDraft(sandbox))
    expect(profile.hasClientSecret).toBe(false)
    const status = await app.call('auth.connect', { profileId: profile.id })
    expect(status).toMatchObject({ state: 'connected', hasRefreshToken: true })
    expect(sandbox.stats().tokenClientAuth).toEqual({ public: 1 })
  })

  it('system browser: loopback listener on the registered port, closed after the flow', async ({ app, sandbox, create }) => {
    const profile = await create(userDraft(sandbox, 'Browser flow', { redirectUri: `http://127.0.0.1:${loopbackPort}/cb`, authorizeWith: 'system-browser' }))
    const status = await app.call('auth.connect', { profileId: profile.id })
    expect(status.state).toBe('connected')
    expect(app.fakes.externalBrowser.opened).toHaveLength(1)
    const run = await app.fakes.externalBrowser.runs[0]
    expect(run?.url).toContain(`127.0.0.1:${loopbackPort}/cb?`)
    await expect(fetch(`http://127.0.0.1:${loopbackPort}/cb`)).rejects.toThrow()
  })

  it('uses a non-persistent partition, cleared afterwards, when sign-ins are not remembered', async ({ app, sandbox, create }) => {
    await app.call('settings.update', { rememberZoomSignIn: false })
    try {
      const profile = await create(userDraft(sandbox, 'Forgetful'))
      await app.call('auth.connect', { profileId: profile.id })
      const partition = app.fakes.authWindow.opened.at(-1)?.partition ?? ''
      expect(partition.startsWith('persist:')).toBe(false)
      expect(app.fakes.authWindow.cleared).toContain(partition)
    } finally {
      await app.call('settings.update', { rememberZoomSignIn: true })
    }
  })
})

describe('refused authorization responses', () => {
  let profileId: string
  it.beforeAll(async ({ sandbox, create }) => {
    profileId = (await create(userDraft(sandbox, 'Refusals'))).id
  })
  const connect = (app: Instance) => app.call('auth.connect', { profileId })
  const noTokenRequest = (sandbox: Sandbox) => expect(tokenRequests(sandbox)).toBe(0)

  it('Decline → AUTH_ACCESS_DENIED, no token request', async ({ app, sandbox }) => {
    app.fakes.authWindow.script.decision = 'decline'
    const error = await rejection(connect(app))
    expect(error.code).toBe('AUTH_ACCESS_DENIED')
    expect(error.message).toMatch(/declined/i)
    noTokenRequest(sandbox)
  })

  it('state mismatch, missing state → AUTH_STATE_MISMATCH, no token request', async ({ app, sandbox }) => {
    app.fakes.authWindow.rewriteCallback = (url) => url.replace(/state=[^&]+/, 'state=forged')
    expect((await rejection(connect(app))).code).toBe('AUTH_STATE_MISMATCH')
    app.fakes.authWindow.rewriteCallback = (url) => url.replace(/&?state=[^&]+/, '')
    expect((await rejection(connect(app))).code).toBe('AUTH_STATE_MISMATCH')
    noTokenRequest(sandbox)
  })

  it('an authorization response naming another issuer (RFC 9207 mix-up) is refused, no token request', async ({ app, sandbox }) => {
    app.fakes.authWindow.rewriteCallback = (url) => `${url}&iss=${encodeURIComponent('https://attacker.example')}`
    const error = await rejection(connect(app))
    expect(error.code).toBe('AUTH_RESPONSE_INVALID')
    noTokenRequest(sandbox)
    // The issuer the request went to is accepted.
    app.fakes.authWindow.rewriteCallback = (url) => `${url}&iss=${encodeURIComponent(sandbox.url)}`
    expect((await connect(app)).state).toBe('connected')
  })

  it('a replayed state (the callback of an earlier flow) is refused', async ({ app, sandbox }) => {
    let earlier = ''
    app.fakes.authWindow.rewriteCallback = (url) => (earlier = url)
    await connect(app)
    sandbox.resetStats()
    app.fakes.authWindow.rewriteCallback = () => earlier
    expect((await rejection(connect(app))).code).toBe('AUTH_STATE_MISMATCH')
    noTokenRequest(sandbox)
  })

  it('a replayed code is exchanged once, refused by Zoom, and not retried', async ({ app, sandbox }) => {
    let earlier = ''
    app.fakes.authWindow.rewriteCallback = (url) => (earlier = url)
    await connect(app)
    const oldCode = new URL(earlier).searchParams.get('code') ?? ''
    sandbox.resetStats()
    app.fakes.authWindow.rewriteCallback = (url) => url.replace(/code=[^&]+/, `code=${encodeURIComponent(oldCode)}`)
    const error = await rejection(connect(app))
    expect(error.code).toBe('AUTH_INVALID_GRANT')
    expect(tokenRequests(sandbox, 'authorization_code')).toBe(1)
    // The earlier connection is still in place, and the badge says the new attempt failed.
    expect(await app.call('auth.status', { profileId })).toMatchObject({ state: 'error', error: { code: 'AUTH_INVALID_GRANT', message: expect.stringContaining('previous connection is kept') } })
    await expect(app.credentials.tokens.getAccessToken(profileId)).resolves.toMatchObject({ accessToken: expect.any(String) })
  })

  it.for<[string, (u: URL) => void]>([
    ['host', (u: URL) => (u.hostname = 'localhost')],
    ['port', (u: URL) => (u.port = String(Number(u.port) + 1))],
    ['path', (u: URL) => (u.pathname = '/zoom/callback/')],
  ])('a redirect to another %s → AUTH_REDIRECT_MISMATCH, no token request', async ([_what, change], { app, sandbox }) => {
    app.fakes.authWindow.rewriteCallback = (url) => {
      const u = new URL(url)
      change(u)
      return u.toString()
    }
    expect((await rejection(connect(app))).code).toBe('AUTH_REDIRECT_MISMATCH')
    noTokenRequest(sandbox)
  })

  it('ignores an intermediate redirect that merely carries code=', async ({ app, sandbox }) => {
    app.fakes.authWindow.script.visitFirst = [`${sandbox.url}/sso/idp?code=not-the-callback&state=x`]
    const status = await connect(app)
    expect(status.state).toBe('connected')
    expect(app.fakes.authWindow.lastVisited[0]).toContain('/sso/idp?code=not-the-callback')
    expect(tokenRequests(sandbox, 'authorization_code')).toBe(1)
  })

  it('one pending flow per profile; cancel and a closed window end it', async ({ app, sandbox }) => {
    app.fakes.authWindow.behaviour = 'hang'
    const opened = app.fakes.authWindow.whenOpened()
    const first = connect(app)
    await opened
    expect((await rejection(connect(app))).code).toBe('AUTH_FLOW_PENDING')
    await app.call('auth.cancel', { profileId })
    expect((await rejection(first)).code).toBe('AUTH_FLOW_CANCELLED')
    app.fakes.authWindow.behaviour = 'close'
    expect((await rejection(connect(app))).code).toBe('AUTH_FLOW_CANCELLED')
    noTokenRequest(sandbox)
    expect((await app.call('auth.timeline', { profileId })).some((e) => e.outcome === 'cancelled')).toBe(true)
  })

  it('cancel then connect again: the new flow keeps the one-flow guard, its cancel and its timeout', async ({ app, sandbox, time }) => {
    app.fakes.authWindow.behaviour = 'hang'
    const firstOpened = app.fakes.authWindow.whenOpened()
    const first = connect(app)
    await firstOpened
    const secondOpened = app.fakes.authWindow.whenOpened()
    // The second flow starts before the cancelled one has unwound (a quick "Cancel, Connect").
    app.credentials.auth.cancel(profileId)
    const second = connect(app)
    expect((await rejection(first)).code).toBe('AUTH_FLOW_CANCELLED')
    await secondOpened
    // The unwinding first flow did not end the second one: a third attempt is still refused…
    const another = app.fakes.authWindow.whenOpened().then(() => ({ code: 'a third window opened', message: '' }))
    expect((await Promise.race([rejection(connect(app)), another])).code).toBe('AUTH_FLOW_PENDING')
    // …and the second flow still has its timeout.
    time.advance(60_001)
    expect((await rejection(second)).code).toBe('AUTH_FLOW_TIMEOUT')
    // A flow that can be cancelled: start another, cancel it by the profile.
    const thirdOpened = app.fakes.authWindow.whenOpened()
    const third = connect(app)
    await thirdOpened
    app.credentials.auth.cancel(profileId)
    expect((await rejection(third)).code).toBe('AUTH_FLOW_CANCELLED')
    noTokenRequest(sandbox)
  })

  it('times out', async ({ app, sandbox, time }) => {
    app.fakes.authWindow.behaviour = 'hang'
    const opened = app.fakes.authWindow.whenOpened()
    const pending = connect(app)
    await opened
    time.advance(60_001)
    expect((await rejection(pending)).code).toBe('AUTH_FLOW_TIMEOUT')
    noTokenRequest(sandbox)
  })
})

describe('a sign-in overtaken while its code is being exchanged', () => {
  it('delete: the profile stays deleted, the new token is revoked and nothing is stored', async ({ app, sandbox, harness, exchanging }) => {
    const { profileId, held, connecting } = await exchanging('Deleted while exchanging')
    expect(await app.call('profiles.delete', { id: profileId })).toEqual({ revoked: false })
    const revocationsBefore = sandbox.stats().revocations
    held.release()
    const error = await connecting
    expect(error.code).toBe('NOT_FOUND')
    expect(error.message).toMatch(/deleted during the sign-in; the token Zoom issued was revoked/)
    // Its refresh token, then its access token (RFC 7009).
    expect(sandbox.stats().revocations).toBe(revocationsBefore + 2)
    expect(app.vault.hasSecret(profileId, 'tokens')).toBe(false)
    expect((await app.call('auth.statuses', undefined)).some((s) => s.profileId === profileId)).toBe(false)
    // Neither the vault nor connections.json keeps anything of the deleted profile.
    const stored = await Promise.all(['vault.json', 'connections.json'].map((name) => readFile(join(harness.dataDir, name), 'utf8')))
    for (const text of stored) expect(text.includes(profileId)).toBe(false)
  })

  it('disconnect: the profile stays disconnected, the new token is revoked and nothing is stored', async ({ app, sandbox, exchanging }) => {
    const { profileId, held, connecting } = await exchanging('Disconnected while exchanging')
    expect((await app.call('auth.disconnect', { profileId })).state).toBe('disconnected')
    const revocationsBefore = sandbox.stats().revocations
    held.release()
    const error = await connecting
    expect(error.code).toBe('CANCELLED')
    expect(error.message).toMatch(/disconnected or changed during the sign-in; the token Zoom issued was revoked/)
    // Its refresh token, then its access token (RFC 7009).
    expect(sandbox.stats().revocations).toBe(revocationsBefore + 2)
    expect(app.vault.hasSecret(profileId, 'tokens')).toBe(false)
    expect((await app.call('auth.status', { profileId })).state).toBe('disconnected')
    await expect(app.credentials.tokens.getAccessToken(profileId)).rejects.toMatchObject({ code: 'AUTH_NOT_CONNECTED' })
    // Connecting again afterwards works as usual.
    expect((await app.call('auth.connect', { profileId })).state).toBe('connected')
  })
})

describe('after connecting', () => {
  let profileId: string
  it.beforeAll(async ({ app, sandbox, create }) => {
    profileId = (await create(s2sDraft(sandbox, 'After'))).id
    await app.call('auth.connect', { profileId })
  })

  it('tests the connection with the cached token; on a 401 it renews the token once and tests again', async ({ app, sandbox, time }) => {
    sandbox.resetStats()
    const result = await app.call('auth.test', { profileId })
    expect(result).toMatchObject({ ok: true, httpStatus: 200, url: `${sandbox.url}/v2/users/me` })
    expect(result.identity?.email).toBe(sandbox.login.email)
    expect(tokenRequests(sandbox)).toBe(0)
    time.advance(2 * 3600_000)
    const renewed = await app.call('auth.test', { profileId })
    expect(renewed).toMatchObject({ ok: true, httpStatus: 200 })
    expect(tokenRequests(sandbox)).toBe(1)
    expect((await app.call('auth.status', { profileId })).lastValidation?.ok).toBe(true)
  })

  it('copies the token to the clipboard and clears it only if unchanged', async ({ app, time }) => {
    await app.call('settings.update', { clipboardClearSeconds: 10 })
    // Main asks before copying (copy-token.test.ts): the person confirms each time here.
    app.fakes.dialogs.confirmAnswers.push(true, true)
    const { clearsAfterSeconds } = await app.call('auth.copyToken', { profileId })
    expect(clearsAfterSeconds).toBe(10)
    const [token] = await tokensOf(app, profileId)
    expect(app.fakes.clipboard.text).toBe(token)
    time.advance(10_000)
    expect(app.fakes.clipboard.text).toBe('')
    await app.call('auth.copyToken', { profileId })
    app.fakes.clipboard.writeText('something else')
    time.advance(10_000)
    expect(app.fakes.clipboard.text).toBe('something else')
  })

  it('quitting clears a copied token that was still due to be cleared, and nothing the person copied since', async ({ harness }) => {
    const quitting = await harness.start()
    await quitting.call('settings.update', { clipboardClearSeconds: 30 })
    quitting.fakes.dialogs.confirmAnswers.push(true)
    await quitting.call('auth.copyToken', { profileId })
    const [token] = await tokensOf(quitting, profileId)
    expect(quitting.fakes.clipboard.text).toBe(token)
    await quitting.close()
    expect(quitting.fakes.clipboard.text).toBe('')

    const another = await harness.start()
    another.fakes.dialogs.confirmAnswers.push(true)
    await another.call('auth.copyToken', { profileId })
    another.fakes.clipboard.writeText('the person copied this')
    await another.close()
    expect(another.fakes.clipboard.text).toBe('the person copied this')
  })

  it('disconnect revokes at Zoom and forgets the tokens', async ({ app, sandbox }) => {
    sandbox.resetStats()
    const status: ConnectionStatus = await app.call('auth.disconnect', { profileId })
    expect(status.state).toBe('disconnected')
    expect(sandbox.stats().revocations).toBe(1)
    expect(app.vault.hasSecret(profileId, 'tokens')).toBe(false)
    expect((await rejection(app.credentials.tokens.getAccessToken(profileId))).code).toBe('AUTH_NOT_CONNECTED')
    expect(tokenRequests(sandbox)).toBe(0)
  })

  it('signs out of Zoom by clearing the persistent partition', async ({ app }) => {
    await app.call('auth.signOutZoom', { profileId })
    expect(app.fakes.authWindow.cleared).toContain(`persist:zc-${profileId}`)
  })
})

describe('canaries', () => {
  it('no client secret or token in the data files, the logs, the events or any handler result', async ({ app, sandbox, harness }) => {
    const canaries = new Set([sandbox.apps.s2s.clientSecret, sandbox.apps.userOAuth.clientSecret, ...app.fakes.clipboard.writes.filter((t) => t.length > 20)])
    for (const profile of await app.call('profiles.list', undefined)) for (const token of await tokensOf(app, profile.id)) canaries.add(token)
    expect(canaries.size).toBeGreaterThan(8)
    await app.credentials.dispose()
    const files = await harness.dataFiles()
    const logs = app.fakes.logs.records.map((r) => JSON.stringify(r)).join('\n')
    const events = app.fakes.events.events.map((e) => JSON.stringify(e)).join('\n')
    const replies = harness.transcript.join('\n')
    for (const secret of canaries) {
      for (const form of [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)]) {
        expect(files.includes(form), 'data files').toBe(false)
        expect(logs.includes(form), 'logs').toBe(false)
        expect(events.includes(form), 'events').toBe(false)
        expect(replies.includes(form), 'handler results').toBe(false)
      }
    }
  })
})
