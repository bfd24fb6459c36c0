// Profiles and settings: validation that reports every problem, unique names, the write-only
// secret, duplicate, delete (revoke + forget + clear session), export without secrets, and an
// all-or-nothing import.
import { readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { credentialsTest } from '../auth/credentials-fixture'
import type { ProfileDraft } from '../../../common/profile'
import { CANARY_SECRET, publicDraft, s2sDraft, tokensOf, userDraft } from '../auth/credentials-harness'

const it = credentialsTest({ sandbox: { apps: { s2s: { clientSecret: `${CANARY_SECRET}-s2s` }, userOAuth: { clientSecret: `${CANARY_SECRET}-user` } } } })
  /** profiles.create on the file's app. */
  .extend('create', { scope: 'file' }, ({ app }) => (draft: ProfileDraft) => app.call('profiles.create', draft))

async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string; details?: { issues?: { path: string; message: string }[] } }> {
  try {
    await promise
  } catch (error) {
    return error as { code: string; message: string }
  }
  throw new Error('expected a rejection')
}
const paths = (error: { details?: { issues?: { path: string }[] } }) => (error.details?.issues ?? []).map((i) => i.path).sort()

describe('profiles', () => {
  it('creates a profile with a main-assigned id; the secret is only a flag', async ({ app, sandbox, time, create }) => {
    const changed = app.fakes.events.next('profiles.changed')
    const view = await create(s2sDraft(sandbox, 'Created'))
    expect(view.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(view).toMatchObject({ name: 'Created', grant: 's2s', hasClientSecret: true, needsRepair: [], createdAt: new Date(time.now()).toISOString() })
    expect(JSON.stringify(view)).not.toContain(CANARY_SECRET)
    expect((await changed).ids).toEqual([view.id])
    expect((await app.call('profiles.get', { id: view.id })).name).toBe('Created')
  })

  it('reports every field problem at once', async ({ app, sandbox }) => {
    const error = await rejection(app.credentials.profiles.create({ fields: { name: '', grant: 'authorization_code', clientId: 'bad id!', scopes: ['ok', 'bad scope'] } }))
    expect(error.code).toBe('VALIDATION')
    expect(paths(error)).toEqual(['fields.clientId', 'fields.name', 'fields.scopes.1'])
    const cross = await rejection(app.credentials.profiles.create({ fields: { name: 'Cross', grant: 's2s', clientId: 'abc', clientType: 'public', scopes: ['a', 'a'] } }))
    expect(cross.code).toBe('VALIDATION')
    expect(paths(cross)).toEqual(['clientSecret', 'fields.accountId', 'fields.clientType', 'fields.scopes.1'])
    expect(cross.message).toContain('Account ID')
    const publicWithSecret = await rejection(app.credentials.profiles.create({ ...publicDraft(sandbox, 'P'), clientSecret: 'nope-secret', fields: { ...publicDraft(sandbox).fields, name: 'P', pkceMethod: 'none' } }))
    expect(paths(publicWithSecret)).toEqual(['clientSecret', 'fields.pkceMethod'])
  })

  it('keeps names unique, ignoring case', async ({ sandbox, create }) => {
    await create(s2sDraft(sandbox, 'Unique Name'))
    const error = await rejection(create(s2sDraft(sandbox, '  unique name ')))
    expect(error.code).toBe('CONFLICT')
    expect(paths(error)).toEqual(['fields.name'])
  })

  it('treats the client secret as write-only: keep, replace, remove', async ({ app, sandbox, create }) => {
    const view = await create(userDraft(sandbox, 'Secret keeper'))
    const fields = userDraft(sandbox, 'Secret keeper').fields
    expect((await app.call('profiles.update', { id: view.id, draft: { fields: { ...fields, description: 'kept' } } })).hasClientSecret).toBe(true)
    expect(await app.vault.getSecret(view.id, 'clientSecret')).toBe(sandbox.apps.userOAuth.clientSecret)
    await app.call('profiles.update', { id: view.id, draft: { fields, clientSecret: 'replaced-secret-value' } })
    expect(await app.vault.getSecret(view.id, 'clientSecret')).toBe('replaced-secret-value')
    // Removing it from a confidential app is refused: it would not work any more.
    expect((await rejection(app.call('profiles.update', { id: view.id, draft: { fields, clientSecret: null } }))).code).toBe('VALIDATION')
    const toPublic = await app.call('profiles.update', { id: view.id, draft: { fields: { ...fields, clientType: 'public' } } })
    expect(toPublic.hasClientSecret).toBe(false)
    expect(app.vault.hasSecret(view.id, 'clientSecret')).toBe(false)
  })

  it('revokes at Zoom, then forgets, the tokens when the profile points at another account', async ({ app, sandbox, create }) => {
    const view = await create(s2sDraft(sandbox, 'Repointed'))
    await app.call('auth.connect', { profileId: view.id })
    const [token] = await tokensOf(app, view.id)
    const draft = s2sDraft(sandbox, 'Repointed')
    sandbox.resetStats()
    await app.call('profiles.update', { id: view.id, draft: { fields: { ...draft.fields, description: 'same client' } } })
    expect((await app.call('auth.status', { profileId: view.id })).state).toBe('connected')
    expect(sandbox.stats().revocations).toBe(0)
    await app.call('profiles.update', { id: view.id, draft: { fields: { ...draft.fields, accountId: 'anotherAccount' } } })
    expect((await app.call('auth.status', { profileId: view.id })).state).toBe('disconnected')
    expect(app.vault.hasSecret(view.id, 'tokens')).toBe(false)
    // Revoked with the client it was issued to: Zoom no longer accepts the old token.
    expect(sandbox.stats().revocations).toBe(1)
    expect((await fetch(`${sandbox.url}/v2/users/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401)
  })

  it('a new Client ID (with its secret) revokes the old tokens; the timeline says so', async ({ app, sandbox, create }) => {
    const view = await create(userDraft(sandbox, 'New client'))
    await app.call('auth.connect', { profileId: view.id })
    sandbox.resetStats()
    const fields = userDraft(sandbox, 'New client').fields
    await app.call('profiles.update', { id: view.id, draft: { fields: { ...fields, clientId: 'anotherClientId' }, clientSecret: 'the-other-apps-secret' } })
    // The refresh token, then the access token (RFC 7009).
    expect(sandbox.stats().revocations).toBe(2)
    expect(app.vault.hasSecret(view.id, 'tokens')).toBe(false)
    const timeline = await app.call('auth.timeline', { profileId: view.id })
    expect(timeline.map((e) => `${e.kind}:${e.outcome}`)).toEqual(expect.arrayContaining(['revoke:ok', 'disconnect:ok']))
  })

  it('fields the grant does not depend on keep the connection (an account ID on a user app)', async ({ app, sandbox, create }) => {
    const view = await create(userDraft(sandbox, 'Account-free'))
    await app.call('auth.connect', { profileId: view.id })
    sandbox.resetStats()
    const fields = userDraft(sandbox, 'Account-free').fields
    await app.call('profiles.update', { id: view.id, draft: { fields: { ...fields, accountId: 'irrelevantAccount', appType: 'admin', scopes: ['user:read'] } } })
    expect((await app.call('auth.status', { profileId: view.id })).state).toBe('connected')
    expect(sandbox.stats().revocations).toBe(0)
    expect(app.vault.hasSecret(view.id, 'tokens')).toBe(true)
  })

  it('duplicates without the secret, with a unique "(copy)" name', async ({ app, sandbox, create }) => {
    const source = await create(s2sDraft(sandbox, 'Original'))
    const copy = await app.call('profiles.duplicate', { id: source.id })
    const copy2 = await app.call('profiles.duplicate', { id: source.id })
    expect([copy.name, copy2.name]).toEqual(['Original (copy)', 'Original (copy 2)'])
    expect(copy).toMatchObject({ hasClientSecret: false, clientId: source.clientId, accountId: source.accountId })
    expect(copy.id).not.toBe(source.id)
    expect((await rejection(app.call('profiles.duplicate', { id: source.id, name: 'original' }))).code).toBe('CONFLICT')
  })

  it('delete revokes at Zoom, forgets every secret and the sign-in session', async ({ app, sandbox, create }) => {
    const view = await create(s2sDraft(sandbox, 'Doomed'))
    await app.call('auth.connect', { profileId: view.id })
    sandbox.resetStats()
    expect(await app.call('profiles.delete', { id: view.id })).toEqual({ revoked: true })
    expect(sandbox.stats().revocations).toBe(1)
    expect(app.vault.hasSecret(view.id, 'clientSecret') || app.vault.hasSecret(view.id, 'tokens')).toBe(false)
    expect(app.fakes.authWindow.cleared).toContain(`persist:zc-${view.id}`)
    expect((await app.call('profiles.list', undefined)).some((p) => p.id === view.id)).toBe(false)
    expect((await rejection(app.call('profiles.get', { id: view.id }))).code).toBe('NOT_FOUND')
  })

  it('deletes even when Zoom cannot be reached', async ({ app, sandbox, create }) => {
    const view = await create(s2sDraft(sandbox, 'Offline delete'))
    await app.call('auth.connect', { profileId: view.id })
    sandbox.setFaults([{ kind: 'reset', pathPrefix: '/oauth/revoke' }])
    try {
      expect(await app.call('profiles.delete', { id: view.id })).toEqual({ revoked: false })
    } finally {
      sandbox.setFaults([])
    }
    expect(app.vault.hasSecret(view.id, 'tokens')).toBe(false)
  })
})

describe('export and import', () => {
  it('exports versioned JSON without any secret, to a string or a 0600 file', async ({ app, sandbox, harness, create }) => {
    const a = await create(userDraft(sandbox, 'Export me'))
    const { json, count } = await app.call('profiles.exportJson', { ids: [a.id] })
    expect(count).toBe(1)
    const doc = JSON.parse(json) as { format: string; version: number; profiles: Record<string, unknown>[] }
    expect(doc).toMatchObject({ format: 'zoom-connect-profiles', version: 1 })
    expect(doc.profiles[0]).toMatchObject({ name: 'Export me', clientId: sandbox.apps.userOAuth.clientId })
    expect(doc.profiles[0]).not.toHaveProperty('id')
    expect(json).not.toContain(CANARY_SECRET)

    const path = join(harness.dataDir, 'export.json')
    app.fakes.dialogs.saveAnswers.push(path)
    const all = await app.call('profiles.exportFile', {})
    expect(all.path).toBe(path)
    expect(all.count).toBeGreaterThan(1)
    expect(await readFile(path, 'utf8')).not.toContain(CANARY_SECRET)
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600)
    expect(await app.call('profiles.exportFile', {})).toEqual({ count: 0 })
  })

  it('imports all or nothing, reporting every problem with its index', async ({ app }) => {
    const before = (await app.call('profiles.list', undefined)).length
    const good = { name: 'Imported A', grant: 's2s', accountId: 'acc', clientId: 'cid' }
    const bad = {
      format: 'zoom-connect-profiles',
      version: 1,
      profiles: [good, { name: '', grant: 'authorization_code', clientId: 'x' }, { ...good, name: 'imported a' }, { ...good, name: 'Export me' }, { ...good, name: 'Secretive', clientSecret: 'zz' }],
    }
    const error = await rejection(app.call('profiles.importJson', { json: JSON.stringify(bad) }))
    expect(error.code).toBe('VALIDATION')
    expect(paths(error)).toEqual(['profiles.1.name', 'profiles.2.name', 'profiles.3.name', 'profiles.4.clientSecret'])
    expect((await app.call('profiles.list', undefined)).length).toBe(before)
    for (const json of ['not json', '[]', JSON.stringify({ format: 'other', version: 2, profiles: [] })]) {
      expect((await rejection(app.call('profiles.importJson', { json }))).code).toBe('VALIDATION')
    }
    expect((await app.call('profiles.list', undefined)).length).toBe(before)
  })

  it('round-trips an export into a fresh installation, without secrets', async ({ app, installation }) => {
    const { json } = await app.call('profiles.exportJson', {})
    const other = await installation.start()
    const file = join(installation.dataDir, 'incoming.json')
    await writeFile(file, json)
    other.fakes.dialogs.openAnswers.push(file)
    // These connections point at the sandbox, not Zoom: main asks first (import-endpoints.test.ts).
    other.fakes.dialogs.confirmAnswers.push(true)
    const result = await other.call('profiles.importFile', undefined)
    expect(other.fakes.dialogs.confirmations).toHaveLength(1)
    const source = await app.call('profiles.list', undefined)
    expect(result.path).toBe(file)
    expect(result.created.map((p) => p.name)).toEqual(source.map((p) => p.name))
    expect(result.created.every((p) => !p.hasClientSecret)).toBe(true)
    expect(new Set(result.created.map((p) => p.id)).size).toBe(source.length)
    expect(result.created.some((p) => source.some((s) => s.id === p.id))).toBe(false)
    expect((await rejection(other.call('profiles.importJson', { json }))).code).toBe('VALIDATION')
    expect(await other.call('profiles.importFile', undefined)).toEqual({ created: [] })
  })

  it('imports an export that an editor saved again with a byte-order mark (Windows Notepad, Excel)', async ({ app, installation }) => {
    const { json } = await app.call('profiles.exportJson', {})
    const other = await installation.start()
    const file = join(installation.dataDir, 'edited.json')
    await writeFile(file, `\uFEFF${json}`)
    other.fakes.dialogs.openAnswers.push(file)
    other.fakes.dialogs.confirmAnswers.push(true)
    const result = await other.call('profiles.importFile', undefined)
    expect(result.created.map((p) => p.name)).toEqual((await app.call('profiles.list', undefined)).map((p) => p.name))
  })
})

describe('settings', () => {
  it('reads defaults, updates a part, and keeps it across a restart', async ({ app, harness }) => {
    expect(await app.call('settings.get', undefined)).toMatchObject({ theme: 'system', clipboardClearSeconds: 30, rememberZoomSignIn: true, refreshSkewSeconds: 300 })
    expect(await app.call('settings.update', { theme: 'dark', refreshSkewSeconds: 120 })).toMatchObject({ theme: 'dark', refreshSkewSeconds: 120, clipboardClearSeconds: 30 })
    const restarted = await harness.start()
    expect((await restarted.call('settings.get', undefined)).theme).toBe('dark')
    await restarted.close()
    await expect(app.call('settings.update', { refreshSkewSeconds: 5 })).rejects.toThrow()
  })

  it('the service changes only what the patch names', async ({ app }) => {
    await app.credentials.settings.update({ clipboardClearSeconds: 12 })
    expect((await app.credentials.settings.update({ theme: 'light' })).clipboardClearSeconds).toBe(12)
  })

  // Known contract problem: zod 4 applies the defaults inside settingsSchema.partial(), so the
  // router hands settings.update a "patch" with every other setting reset to its default.
  // Fix in common/contract/settings.ts (a patch schema without defaults); then drop `.fails`.
  it('settings.update through the contract keeps the settings the patch does not name', async ({ app }) => {
    await app.call('settings.update', { clipboardClearSeconds: 12 })
    expect((await app.call('settings.update', { theme: 'light' })).clipboardClearSeconds).toBe(12)
  })
})
