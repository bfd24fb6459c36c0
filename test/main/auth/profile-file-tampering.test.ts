// Someone edits profiles.json on disk (no vault key needed) to point a connected profile at
// their own host — its cloud, or its allowed domains and validation URL, or a sign-in's redirect
// URL and PKCE method — and waits for the app to start. The client secret and the token are bound to the fields they were saved for, so the
// edited profile needs repair and nothing reaches that host; re-entering the secret repairs it.
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { credentialsTest } from './credentials-fixture'
import { s2sDraft, userDraft } from './credentials-harness'

type StoredProfile = Record<string, unknown> & { id: string }
type VaultFile = { schemaVersion: number; data: Record<string, unknown> }

// evil: the host the file is edited to point at (it forwards to the sandbox, so a leak would "work").
const it = credentialsTest({ sandbox: { users: 10 }, proxies: ['evil'] })
  /** Edits the profile in profiles.json while the app is not running. */
  .extend('editOnDisk', { scope: 'file' }, ({ harness }) => async (profileId: string, edit: (profile: StoredProfile) => StoredProfile): Promise<void> => {
    const path = join(harness.dataDir, 'profiles.json')
    const file = JSON.parse(await readFile(path, 'utf8')) as { data: { profiles: StoredProfile[] } }
    file.data.profiles = file.data.profiles.map((p) => (p.id === profileId ? edit(p) : p))
    await writeFile(path, JSON.stringify(file))
    await rm(join(harness.dataDir, 'profiles.json.bak'), { force: true })
  })
  /** Edits vault.json while the app is not running (no key needed for this), and drops its backup. */
  .extend('editVaultOnDisk', { scope: 'file' }, ({ harness }) => async (edit: (file: VaultFile) => void): Promise<void> => {
    const path = join(harness.dataDir, 'vault.json')
    const file = JSON.parse(await readFile(path, 'utf8')) as VaultFile
    edit(file)
    await writeFile(path, JSON.stringify(file))
    await rm(join(harness.dataDir, 'vault.json.bak'), { force: true })
  })
  .extend('connectedProfile', { scope: 'file' }, ({ harness, sandbox }) => async (name: string, grant: 's2s' | 'authorization_code' = 's2s'): Promise<string> => {
    const app = await harness.start()
    const profile = await app.call('profiles.create', grant === 's2s' ? s2sDraft(sandbox, name) : userDraft(sandbox, name))
    await app.call('auth.connect', { profileId: profile.id })
    await app.close()
    return profile.id
  })
  /** Everything the app may try after the edit; none of it may reach the edited-in host. */
  .extend('useEverything', { scope: 'file' }, ({ harness, proxies: { evil } }) => async (profileId: string) => {
    evil.received.length = 0
    const app = await harness.start()
    const outcomes = await Promise.allSettled([
      app.call('auth.test', { profileId }),
      app.credentials.tokens.getAccessToken(profileId),
      app.call('auth.connect', { profileId }),
    ])
    expect(evil.received.map((r) => r.path)).toEqual([])
    return { app, outcomes }
  })

describe('a profiles.json edited on disk', () => {
  it('re-pointing the cloud: the secret and the token go nowhere, the profile needs repair', async ({ proxies: { evil }, connectedProfile, editOnDisk, useEverything }) => {
    const profileId = await connectedProfile('Moved cloud')
    await editOnDisk(profileId, (p) => ({ ...p, cloud: { kind: 'custom', oauthBaseUrl: evil.url, apiBaseUrl: evil.url } }))
    const { app, outcomes } = await useEverything(profileId)
    expect(outcomes[1]).toMatchObject({ status: 'rejected', reason: { code: 'VAULT_DECRYPT_FAILED' } })
    expect((await app.call('auth.status', { profileId })).state).toBe('needs_repair')
    const view = (await app.call('profiles.list', undefined)).find((p) => p.id === profileId)
    expect(view?.needsRepair).toEqual(['clientSecret', 'tokens'])
    // Disconnecting forgets the tokens without revoking them at the edited-in host.
    expect((await app.call('auth.disconnect', { profileId })).state).toBe('disconnected')
    expect(evil.received).toEqual([])
  })

  it('repairing by typing the secret again drops the tokens from everywhere: vault, badge and connection record', async ({ harness, sandbox, proxies: { evil }, connectedProfile, editOnDisk, useEverything }) => {
    const profileId = await connectedProfile('Repaired cloud')
    await editOnDisk(profileId, (p) => ({ ...p, cloud: { kind: 'custom', oauthBaseUrl: evil.url, apiBaseUrl: evil.url } }))
    const { app } = await useEverything(profileId)
    // The person accepts the endpoints the file now names by typing the secret again.
    const draft = s2sDraft(sandbox, 'Repaired cloud')
    await app.call('profiles.update', { id: profileId, draft: { ...draft, fields: { ...draft.fields, cloud: { kind: 'custom', oauthBaseUrl: evil.url, apiBaseUrl: evil.url } } } })
    expect((await app.call('auth.status', { profileId })).state).toBe('disconnected')
    expect(await readFile(join(harness.dataDir, 'connections.json'), 'utf8')).not.toContain(profileId)
    expect(evil.received).toEqual([])
    await app.close()
  })

  it('widening the allowed domains and validation URL: Test connection sends the token nowhere', async ({ sandbox, proxies: { evil }, connectedProfile, editOnDisk, useEverything }) => {
    const profileId = await connectedProfile('Widened')
    const host = new URL(evil.url).host
    await editOnDisk(profileId, (p) => ({ ...p, allowedDomains: [new URL(sandbox.url).host, host], validationUrl: `${evil.url}/v2/users/me` }))
    const { app, outcomes } = await useEverything(profileId)
    expect(outcomes[0]).toMatchObject({ status: 'rejected', reason: { code: 'VAULT_DECRYPT_FAILED' } })
    // Repair: the person opens the profile and types the secret again; it works from then on.
    const fields = (await app.call('profiles.list', undefined)).find((p) => p.id === profileId)
    if (!fields) throw new Error('the profile is gone')
    const { id: _id, createdAt: _c, updatedAt: _u, hasClientSecret: _h, needsRepair: _n, ...rest } = fields
    app.fakes.dialogs.confirmAnswers.push(true)
    await app.call('profiles.update', { id: profileId, draft: { fields: { ...rest, allowedDomains: [], validationUrl: '' }, clientSecret: sandbox.apps.s2s.clientSecret } })
    expect((await app.call('auth.connect', { profileId })).state).toBe('connected')
    expect((await app.call('auth.test', { profileId })).ok).toBe(true)
  })

  // The code Zoom sends to the redirect URL is a credential: whoever receives it can exchange it,
  // without a PKCE check if the method is weakened. The edited profile opens no sign-in, and its
  // stored tokens are not used either.
  it.for<[string, Partial<StoredProfile>]>([
    ['redirect URL', { redirectUri: 'https://evil.example/zoom/callback' }],
    ['PKCE method (plain)', { pkceMethod: 'plain' }],
    ['PKCE method (none)', { pkceMethod: 'none' }],
  ])('changing the %s of a sign-in: no sign-in opens and the tokens are not used; the profile needs repair', async ([what, change], { harness, connectedProfile, editOnDisk }) => {
    const profileId = await connectedProfile(`Edited ${what}`, 'authorization_code')
    await editOnDisk(profileId, (p) => ({ ...p, ...change }))
    const app = await harness.start()
    await expect(app.call('auth.connect', { profileId })).rejects.toMatchObject({ code: 'VAULT_DECRYPT_FAILED' })
    await expect(app.credentials.tokens.getAccessToken(profileId, { forceRefresh: true })).rejects.toMatchObject({ code: 'VAULT_DECRYPT_FAILED' })
    expect(app.fakes.authWindow.opened).toEqual([])
    expect((await app.call('auth.status', { profileId })).state).toBe('needs_repair')
    expect((await app.call('profiles.list', undefined)).find((p) => p.id === profileId)?.needsRepair).toEqual(['clientSecret', 'tokens'])
  })

  it('a validation URL outside the allowlist is refused when profiles are loaded (cross-field checks)', async ({ proxies: { evil }, connectedProfile, editOnDisk, useEverything }) => {
    const profileId = await connectedProfile('Outside')
    await editOnDisk(profileId, (p) => ({ ...p, validationUrl: `${evil.url}/v2/users/me` }))
    const { outcomes } = await useEverything(profileId)
    expect(outcomes[1]).toMatchObject({ status: 'rejected' })
  })

  // The same edits, with the profile's binding removed from vault.json too: a missing binding is not
  // trusted on first use, and neither is a vault whose schema version was rolled back to before
  // bindings existed.
  const strips: Array<[string, (file: VaultFile) => void]> = [
    ['its binding deleted', (file) => void delete (file.data.bindings as Record<string, string>)[strippedId]],
    [
      'the schema rolled back to version 1',
      (file) => {
        file.schemaVersion = 1
        delete file.data.bindings
        delete file.data.bindingsMac
      },
    ],
  ]
  let strippedId = ''
  it.for(strips)('re-pointing the cloud with %s: nothing reaches the edited-in host', async ([_name, strip], { proxies: { evil }, connectedProfile, editOnDisk, editVaultOnDisk, useEverything }) => {
    strippedId = await connectedProfile(`Stripped cloud ${_name}`)
    await editOnDisk(strippedId, (p) => ({ ...p, cloud: { kind: 'custom', oauthBaseUrl: evil.url, apiBaseUrl: evil.url } }))
    await editVaultOnDisk(strip)
    const { app, outcomes } = await useEverything(strippedId)
    expect(outcomes[2]).toMatchObject({ status: 'rejected', reason: { code: 'VAULT_DECRYPT_FAILED' } })
    expect((await app.call('auth.status', { profileId: strippedId })).state).toBe('needs_repair')
    expect(evil.received).toEqual([])
  })

  it.for(strips)('widening the allowed domains with %s: Test connection sends the token nowhere', async ([_name, strip], { sandbox, proxies: { evil }, connectedProfile, editOnDisk, editVaultOnDisk, useEverything }) => {
    strippedId = await connectedProfile(`Stripped domains ${_name}`)
    const host = new URL(evil.url).host
    await editOnDisk(strippedId, (p) => ({ ...p, allowedDomains: [new URL(sandbox.url).host, host], validationUrl: `${evil.url}/v2/users/me` }))
    await editVaultOnDisk(strip)
    const { app, outcomes } = await useEverything(strippedId)
    expect(outcomes[0]).toMatchObject({ status: 'rejected', reason: { code: 'VAULT_DECRYPT_FAILED' } })
    expect((await app.call('auth.status', { profileId: strippedId })).state).toBe('needs_repair')
    expect(evil.received).toEqual([])
  })
})
