// Where a profile's credential may go (review bug 1): editing the client or its endpoints does
// not carry the stored client secret along; custom endpoints use https (http only on loopback);
// "Test connection" keeps to the allowlist in force, whatever api_url the token names.
import { describe, expect } from 'vitest'
import { profileFieldsSchema, validateProfileDraft, type ProfileDraft } from '../../../common/profile'
import { caught } from '../../support/caught'
import { credentialsTest } from './credentials-fixture'
import { s2sDraft, tokenRequests, userDraft } from './credentials-harness'

// evil: a host the secret must never reach. regional: the API host the sandbox names as api_url.
const it = credentialsTest({ proxies: ['evil', 'regional'], sandbox: ({ proxies }) => ({ apiUrl: proxies.regional.url }) })

it.beforeEach(({ proxies: { evil, regional }, sandbox }) => {
  evil.seen.length = 0
  regional.seen.length = 0
  sandbox.resetStats()
})

const issuesOf = (error: unknown) => ((error as { details?: { issues?: { path: string; message: string }[] } }).details?.issues ?? [])

describe('the stored client secret stays with its client and endpoints', () => {
  it('re-pointing the OAuth base without typing the secret again is refused; nothing reaches the new host', async ({ app, sandbox, proxies: { evil } }) => {
    const draft = s2sDraft(sandbox, 'Exfil target')
    const profile = await app.call('profiles.create', draft)
    await app.call('auth.connect', { profileId: profile.id })
    const moved = { fields: { ...draft.fields, cloud: { kind: 'custom', oauthBaseUrl: evil.url, apiBaseUrl: sandbox.url } } } as ProfileDraft
    const error = await caught(app.call('profiles.update', { id: profile.id, draft: moved }))
    expect(error).toMatchObject({ code: 'VALIDATION' })
    expect(issuesOf(error)).toEqual([{ path: 'clientSecret', message: "Enter the Client Secret again: the app's endpoints changed" }])
    // Nothing changed: the profile still points at the sandbox and is still connected.
    expect((await app.call('profiles.get', { id: profile.id })).cloud).toEqual(draft.fields.cloud)
    expect((await app.call('auth.status', { profileId: profile.id })).state).toBe('connected')
    sandbox.resetStats()
    await app.call('auth.connect', { profileId: profile.id })
    expect(evil.seen).toEqual([])
    expect(tokenRequests(sandbox)).toBe(1)
  })

  it('the API base and the Client ID are bound too; typing the secret again is accepted', async ({ app, sandbox, proxies: { evil } }) => {
    const draft = s2sDraft(sandbox, 'Rebound')
    const profile = await app.call('profiles.create', draft)
    const apiMoved = { fields: { ...draft.fields, cloud: { kind: 'custom', oauthBaseUrl: sandbox.url, apiBaseUrl: evil.url } } } as ProfileDraft
    expect(issuesOf(await caught(app.call('profiles.update', { id: profile.id, draft: apiMoved })))).toEqual([{ path: 'clientSecret', message: "Enter the Client Secret again: the app's endpoints changed" }])
    const otherClient = { fields: { ...draft.fields, clientId: 'someOtherClient' } } as ProfileDraft
    expect(issuesOf(await caught(app.call('profiles.update', { id: profile.id, draft: otherClient })))).toEqual([{ path: 'clientSecret', message: 'Enter the Client Secret again: the Client ID changed' }])
    // The same endpoints spelled differently are the same binding.
    const respelled = { fields: { ...draft.fields, cloud: { kind: 'custom', oauthBaseUrl: `${sandbox.url}/`, apiBaseUrl: sandbox.url.toUpperCase().replace('HTTP://', 'http://') } } } as ProfileDraft
    expect((await app.call('profiles.update', { id: profile.id, draft: respelled })).hasClientSecret).toBe(true)
    const retyped = await app.call('profiles.update', { id: profile.id, draft: { ...otherClient, clientSecret: 'a-new-secret-typed-again' } })
    expect(retyped).toMatchObject({ clientId: 'someOtherClient', hasClientSecret: true })
    expect(await app.vault.getSecret(profile.id, 'clientSecret')).toBe('a-new-secret-typed-again')
  })

  it('the shared validator says the same to the editor as main does', ({ sandbox }) => {
    const draft = userDraft(sandbox)
    const saved = profileFieldsSchema.parse(draft.fields)
    expect(validateProfileDraft({ fields: draft.fields }, true, saved).ok).toBe(true)
    const moved = { fields: { ...draft.fields, cloud: { kind: 'zoomgov' } } }
    const refused = validateProfileDraft(moved, true, saved)
    expect(refused).toEqual({ ok: false, issues: [{ path: 'clientSecret', message: "Enter the Client Secret again: the app's endpoints changed" }] })
    expect(validateProfileDraft({ ...moved, clientSecret: 'typed-again' }, true, saved).ok).toBe(true)
    // A public client has no secret to carry along.
    expect(validateProfileDraft({ fields: { ...moved.fields, clientType: 'public' } }, true, saved).ok).toBe(true)
  })
})

describe('custom endpoints', () => {
  const fields = (cloud: Record<string, string>, validationUrl = '') => ({ name: 'Custom', grant: 's2s', accountId: 'acc', clientId: 'cid', cloud: { kind: 'custom', ...cloud }, validationUrl })

  it('use https; plain http only on 127.0.0.1, localhost or [::1]', () => {
    const ok = (oauthBaseUrl: string, apiBaseUrl = oauthBaseUrl, validationUrl = '') => profileFieldsSchema.safeParse(fields({ oauthBaseUrl, apiBaseUrl }, validationUrl)).success
    expect(ok('http://example.com')).toBe(false)
    expect(ok('https://example.com', 'http://example.com')).toBe(false)
    expect(ok('http://10.0.0.5:8080')).toBe(false)
    expect(ok('http://127.0.0.1.example.com')).toBe(false)
    expect(ok('https://user:pw@example.com')).toBe(false)
    expect(ok('https://example.com')).toBe(true)
    expect(ok('http://127.0.0.1:9000')).toBe(true)
    expect(ok('http://localhost:9000')).toBe(true)
    expect(ok('http://[::1]:9000')).toBe(true)
    expect(ok('https://example.com', 'https://example.com', 'http://example.com/v2/users/me')).toBe(false)
    expect(ok('https://example.com', 'https://example.com', 'http://localhost:1/v2/users/me')).toBe(true)
    expect(ok('https://example.com', 'https://example.com', 'https://api.example.com/v2/users/me')).toBe(true)
  })
})

describe('Test connection', () => {
  it("does not add the token's api_url host to an allowlist the person set", async ({ app, sandbox, proxies: { regional } }) => {
    const draft = s2sDraft(sandbox, 'Strict allowlist')
    const profile = await app.call('profiles.create', { ...draft, fields: { ...draft.fields, allowedDomains: [new URL(sandbox.url).host] } })
    expect((await app.call('auth.connect', { profileId: profile.id })).apiUrl).toBe(regional.url)
    // A validation URL on the api_url host is refused when saved (main/profiles/credential-reach.ts)…
    const outside = { fields: { ...draft.fields, allowedDomains: [new URL(sandbox.url).host], validationUrl: `${regional.url}/v2/users/me` } }
    expect(issuesOf(await caught(app.call('profiles.update', { id: profile.id, draft: outside })))).toEqual([expect.objectContaining({ path: 'fields.validationUrl' })])
    regional.seen.length = 0
    // …and "Test connection" keeps to the allowlist in force.
    expect(await app.call('auth.test', { profileId: profile.id })).toMatchObject({ ok: true })
    expect(regional.seen).toEqual([])
  })

  it('uses api_url where the allowlist in force covers it', async ({ app, sandbox, proxies: { regional } }) => {
    const draft = s2sDraft(sandbox, 'Wide allowlist')
    const hosts = [new URL(sandbox.url).host, new URL(regional.url).host]
    // A host beyond the cloud's defaults: the person confirms it in main's dialog.
    app.fakes.dialogs.confirmAnswers.push(true)
    const profile = await app.call('profiles.create', { ...draft, fields: { ...draft.fields, allowedDomains: hosts, validationUrl: `${regional.url}/v2/users/me` } })
    await app.call('auth.connect', { profileId: profile.id })
    expect(await app.call('auth.test', { profileId: profile.id })).toMatchObject({ ok: true, httpStatus: 200 })
    expect(regional.seen).toEqual(['/v2/users/me'])
  })
})
