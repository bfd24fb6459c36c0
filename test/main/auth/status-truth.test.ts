// The connection badge tells the truth: a Test connection Zoom still refuses after one renewal
// says Reconnect, an unreachable Zoom or a failed connect shows as an error until something
// works again, and a new Client Secret never replaces a working one before it has connected.
import { describe, expect } from 'vitest'
import { credentialsTest } from './credentials-fixture'
import { createZoomClients } from '../../../main/zoom'
import { FAST_RETRY, FAST_TIMEOUTS } from '../zoom/sandbox-helpers'
import { s2sDraft, tokenRequests } from './credentials-harness'

/** A new secret that waits in memory: it must never reach a file, a log, an event or a reply. */
const PENDING_CANARY = 'CANARY-PENDING-SECRET-51c0de'

const it = credentialsTest()
  /** A new Server-to-Server profile, connected. */
  .extend('connected', { scope: 'file' }, ({ app, sandbox }) => async (name: string): Promise<string> => {
    const profileId = (await app.call('profiles.create', s2sDraft(sandbox, name))).id
    expect((await app.call('auth.connect', { profileId })).state).toBe('connected')
    return profileId
  })

it.beforeEach(({ sandbox }) => {
  sandbox.resetStats()
  sandbox.setFaults([])
})

describe('a status that tells the truth', () => {
  it('Test connection: a 401 is retried once with a renewed token; still refused, it says Reconnect', async ({ app, sandbox, connected }) => {
    const profileId = await connected('Refused')
    sandbox.setFaults([{ kind: 'status', status: 401, pathPrefix: '/v2/users/me' }])
    sandbox.resetStats()
    const result = await app.call('auth.test', { profileId })
    expect(result).toMatchObject({ ok: false, httpStatus: 401, error: { code: 'AUTH_RECONNECT_NEEDED', message: expect.stringContaining('Reconnect') } })
    expect(tokenRequests(sandbox)).toBe(1)
    expect(await app.call('auth.status', { profileId })).toMatchObject({ state: 'error', error: { code: 'AUTH_RECONNECT_NEEDED' } })

    sandbox.setFaults([])
    expect(await app.call('auth.test', { profileId })).toMatchObject({ ok: true })
    expect((await app.call('auth.status', { profileId })).state).toBe('connected')
  })

  it('an unreachable Zoom and an uncured 401 during use show on the badge until a call works', async ({ app, sandbox, connected }) => {
    const profileId = await connected('Outage')
    const zoom = createZoomClients({ tokens: app.credentials.tokens, profiles: app.credentials.profileLookup, outcomes: app.credentials.outcomes, retry: FAST_RETRY, timeouts: FAST_TIMEOUTS, rateLimiting: false })
    sandbox.setFaults([{ kind: 'reset', pathPrefix: '/v2/' }])
    await expect(zoom.forProfile(profileId).get('/users/me')).rejects.toMatchObject({ code: 'NETWORK' })
    expect(await app.call('auth.status', { profileId })).toMatchObject({ state: 'error', error: { code: 'NETWORK', message: expect.stringContaining('unreachable') } })

    sandbox.setFaults([{ kind: 'status', status: 401, pathPrefix: '/v2/' }])
    await expect(zoom.forProfile(profileId).get('/users/me')).rejects.toMatchObject({ code: 'ZOOM_UNAUTHORIZED' })
    expect(await app.call('auth.status', { profileId })).toMatchObject({ state: 'error', error: { code: 'AUTH_RECONNECT_NEEDED' } })

    sandbox.setFaults([])
    await zoom.forProfile(profileId).get('/users/me')
    expect((await app.call('auth.status', { profileId })).state).toBe('connected')
  })

  it('a new secret waits until it has connected; a wrong one fails the connect and the old one stays in use', async ({ app, sandbox, connected }) => {
    const profileId = await connected('New secret')
    const good = sandbox.apps.s2s.clientSecret
    const draft = s2sDraft(sandbox, 'New secret')

    const pending = await app.call('profiles.update', { id: profileId, draft: { ...draft, clientSecret: PENDING_CANARY } })
    expect(pending.pendingClientSecret).toBe(true)
    expect(await app.vault.getSecret(profileId, 'clientSecret')).toBe(good)

    await expect(app.call('auth.connect', { profileId })).rejects.toMatchObject({ code: 'AUTH_INVALID_CLIENT' })
    const status = await app.call('auth.status', { profileId })
    expect(status).toMatchObject({ state: 'error', error: { code: 'AUTH_INVALID_CLIENT', message: expect.stringContaining('with the new Client Secret failed') } })
    expect(await app.vault.getSecret(profileId, 'clientSecret')).toBe(good)
    // The connection still works with the tokens the old secret obtained.
    expect(await app.call('auth.test', { profileId })).toMatchObject({ ok: true })

    // Retyped right, it replaces the old one once it has connected.
    await app.call('profiles.update', { id: profileId, draft: { ...draft, clientSecret: good } })
    const profileChanges = () => app.fakes.events.events.filter((e) => JSON.stringify(e).includes('profiles.changed') && JSON.stringify(e).includes(profileId)).length
    const changedBefore = profileChanges()
    expect((await app.call('auth.connect', { profileId })).state).toBe('connected')
    expect((await app.call('profiles.get', { id: profileId })).pendingClientSecret).toBeUndefined()
    // The editor, which said the secret was kept aside, hears that the profile changed.
    expect(profileChanges()).toBeGreaterThan(changedBefore)
    expect(await app.vault.getSecret(profileId, 'clientSecret')).toBe(good)
  })

  it('replaceSecretNow stores a new secret at once', async ({ app, sandbox, connected }) => {
    const profileId = await connected('Forced')
    const replaced = await app.call('profiles.update', { id: profileId, draft: { ...s2sDraft(sandbox, 'Forced'), clientSecret: 'forced-secret-value-1' }, replaceSecretNow: true })
    expect(replaced.pendingClientSecret).toBeUndefined()
    expect(await app.vault.getSecret(profileId, 'clientSecret')).toBe('forced-secret-value-1')
  })

  it('the pending secret never reaches the data files, the logs, the events or a handler result', async ({ app, harness }) => {
    const files = await harness.dataFiles()
    const logs = app.fakes.logs.records.map((r) => JSON.stringify(r)).join('\n')
    const events = app.fakes.events.events.map((e) => JSON.stringify(e)).join('\n')
    const replies = harness.transcript.join('\n')
    expect(replies).toContain('pendingClientSecret')
    for (const form of [PENDING_CANARY, Buffer.from(PENDING_CANARY).toString('base64'), encodeURIComponent(PENDING_CANARY)]) {
      expect(files.includes(form), 'data files').toBe(false)
      expect(logs.includes(form), 'logs').toBe(false)
      expect(events.includes(form), 'events').toBe(false)
      expect(replies.includes(form), 'handler results').toBe(false)
    }
  })
})
