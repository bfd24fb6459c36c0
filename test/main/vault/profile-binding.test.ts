// The vault binds each profile's secrets to the canonical text of its security fields, with a MAC
// under a key derived from the data key: a secret is handed out only while the profile still names
// what it was bound to. The table of bindings carries a MAC of its own, so an entry cannot be deleted
// unnoticed; a vault written before bindings existed is migrated once, at its first unlock, which
// its key check (sealed again in a form only the key can make) records.
import { cp } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ProfileFields } from '../../../common/profile'
import { credentialBinding, credentialBindingRule1 } from '../../../main/profiles/credential-binding'
import type { Vault } from '../../../main/vault'
import { GOLDEN_BACKEND, GOLDEN_KEYRING, GOLDEN_PROFILES, GOLDEN_SECRETS } from '../../fixtures/vault/golden-values'
import { editVaultFile, makeTempDir, openTestVault, readVaultFile, removeTempDir } from './helpers'
import { FakeSafeStorage } from './fake-safe-storage'

const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/vault')
let dir: string
let safeStorage: FakeSafeStorage
let vault: Vault
const bindings = new Map<string, string>()

beforeEach(async () => {
  dir = await makeTempDir()
  safeStorage = new FakeSafeStorage()
  vault = await openTestVault(dir, safeStorage)
  await vault.setupWithKeychain()
  bindings.clear()
  vault.setBinder((id) => bindings.get(id))
})
afterEach(() => removeTempDir(dir))

describe('profile bindings', () => {
  it('hands a secret out only while its profile names what it was bound to', async () => {
    await vault.setSecret('p1', 'clientSecret', 'the secret')
    await vault.bind('p1', 'api.zoom.us')
    bindings.set('p1', 'api.zoom.us')
    expect(await vault.getSecret('p1', 'clientSecret')).toBe('the secret')
    bindings.set('p1', 'evil.example')
    await expect(vault.getSecret('p1', 'clientSecret')).rejects.toMatchObject({ code: 'VAULT_DECRYPT_FAILED', reason: 'binding-mismatch' })
    expect(await vault.repairState('p1')).toEqual(['clientSecret'])
    expect(await vault.checkBinding('p1', 'evil.example')).toBe('mismatch')
    // The MAC is not something a file edit can forge: copying another profile's does not help.
    await vault.bind('p2', 'evil.example')
    await editVaultFile(dir, (file) => {
      const all = file.data.bindings as Record<string, string>
      all.p1 = all.p2 ?? ''
    })
    const reopened = await openTestVault(dir, safeStorage)
    reopened.setBinder((id) => bindings.get(id))
    await expect(reopened.getSecret('p1', 'clientSecret')).rejects.toMatchObject({ reason: 'binding-mismatch' })
  })

  it('a vault from before bindings is migrated once, at its first unlock: each profile is bound as it is then', async () => {
    const old = await makeTempDir()
    try {
      await cp(join(fixturesDir, 'keychain-v1'), old, { recursive: true })
      const golden = () => new FakeSafeStorage({ backend: GOLDEN_BACKEND, keyring: GOLDEN_KEYRING })
      const reopened = await openTestVault(old, golden())
      const names = new Map(GOLDEN_SECRETS.map((s) => [s.profileId, `${s.profileId}.example`]))
      reopened.setBinder((id) => names.get(id))
      for (const { profileId, field, value } of GOLDEN_SECRETS) expect(await reopened.getSecret(profileId, field)).toBe(value)
      expect(await reopened.checkBinding('golden-s2s', 'golden-s2s.example')).toBe('match')
      const file = await readVaultFile(old)
      expect(file.schemaVersion).toBe(3)
      expect(Object.keys(file.data.bindings as object).sort()).toEqual([...new Set(GOLDEN_SECRETS.map((s) => s.profileId))].sort())
      // From now on the file cannot pass for an unmigrated one: rolled back and stripped, it needs repair.
      await editVaultFile(old, (f) => {
        f.schemaVersion = 1
        delete f.data.bindings
        delete f.data.bindingsMac
      })
      const again = await openTestVault(old, golden())
      names.set('golden-s2s', 'evil.example')
      again.setBinder((id) => names.get(id))
      await expect(again.getSecret('golden-s2s', 'clientSecret')).rejects.toMatchObject({ code: 'VAULT_DECRYPT_FAILED', reason: 'binding-mismatch' })
      expect(await again.checkBinding('golden-s2s', 'evil.example')).toBe('mismatch')
      expect((await again.profilesNeedingRepair())['golden-s2s']).toEqual(['clientSecret', 'tokens'])
    } finally {
      await removeTempDir(old)
    }
  })

  it('deleting one binding from the file, or the table, or its MAC, or rolling the schema back leaves the secret refused', async () => {
    await vault.setSecret('p1', 'clientSecret', 'the secret')
    await vault.bind('p1', 'api.zoom.us')
    await vault.setSecret('p2', 'tokens', '{"v":2}')
    await vault.bind('p2', 'api.zoom.us')
    const edits: Array<(file: Awaited<ReturnType<typeof readVaultFile>>) => void> = [
      (file) => void delete (file.data.bindings as Record<string, string>).p1,
      (file) => void (file.data.bindings = {}),
      (file) => void delete file.data.bindingsMac,
      (file) => {
        file.schemaVersion = 1
        delete file.data.bindings
        delete file.data.bindingsMac
      },
      (file) => {
        file.schemaVersion = 2
        delete (file.data.bindings as Record<string, string>).p1
        delete file.data.bindingsMac
      },
    ]
    const pristine = await readVaultFile(dir)
    for (const edit of edits) {
      await editVaultFile(dir, (file) => {
        Object.assign(file, structuredClone(pristine))
        edit(file)
      })
      const reopened = await openTestVault(dir, safeStorage)
      bindings.set('p1', 'evil.example')
      reopened.setBinder((id) => bindings.get(id))
      await expect(reopened.getSecret('p1', 'clientSecret')).rejects.toMatchObject({ code: 'VAULT_DECRYPT_FAILED', reason: 'binding-mismatch' })
      expect(await reopened.checkBinding('p1', 'evil.example')).toBe('mismatch')
      expect(await reopened.repairState('p1')).toEqual(['clientSecret'])
    }
    // Repair: the app binds the profile again (after the person re-entered the secret); the others
    // whose bindings were dropped with the table stay refused until they are repaired too.
    const reopened = await openTestVault(dir, safeStorage)
    bindings.set('p2', 'api.zoom.us')
    reopened.setBinder((id) => bindings.get(id))
    await reopened.setSecret('p1', 'clientSecret', 'typed again')
    await reopened.bind('p1', 'evil.example')
    expect(await reopened.getSecret('p1', 'clientSecret')).toBe('typed again')
    await expect(reopened.getSecret('p2', 'tokens')).rejects.toMatchObject({ reason: 'binding-mismatch' })
  })

  it('binds a profile that stores nothing yet when its first secret is stored; deleting the profile drops its binding', async () => {
    bindings.set('p1', 'api.zoom.us')
    expect(await vault.checkBinding('p1', 'api.zoom.us')).toBe('none')
    await vault.setSecret('p1', 'webhookSecret', 'hook')
    expect(await vault.checkBinding('p1', 'api.zoom.us')).toBe('match')
    expect(await vault.getSecret('p1', 'webhookSecret')).toBe('hook')
    await vault.deleteProfile('p1')
    expect((await readVaultFile(dir)).data.bindings).toEqual({})
  })
})

describe('a vault bound under rule 1 (before the redirect URI and PKCE method were bound)', () => {
  const golden = () => new FakeSafeStorage({ backend: GOLDEN_BACKEND, keyring: GOLDEN_KEYRING })
  let old: string
  /** What profiles.json names now, per profile (starts as the fields the fixture was bound to). */
  let profiles: Map<string, ProfileFields>
  const withBinder = (opened: Vault) => {
    const rule = (text: (fields: ProfileFields) => string) => (id: string) => {
      const fields = profiles.get(id)
      return fields && text(fields)
    }
    opened.setBinder(rule(credentialBinding), rule(credentialBindingRule1))
    return opened
  }
  const reopen = async () => withBinder(await openTestVault(old, golden()))
  const edit = (id: keyof typeof GOLDEN_PROFILES, change: Partial<ProfileFields>) => profiles.set(id, { ...GOLDEN_PROFILES[id], ...change })

  beforeEach(async () => {
    old = await makeTempDir()
    await cp(join(fixturesDir, 'keychain-bound-rule1'), old, { recursive: true })
    profiles = new Map(Object.entries(GOLDEN_PROFILES))
  })
  afterEach(() => removeTempDir(old))

  it('still opens at its first unlock, every profile re-bound under the current rule', async () => {
    const upgraded = await reopen()
    for (const { profileId, field, value } of GOLDEN_SECRETS) expect(await upgraded.getSecret(profileId, field)).toBe(value)
    expect(await upgraded.profilesNeedingRepair()).toEqual({})
    for (const [id, fields] of profiles) expect(await upgraded.checkBinding(id, credentialBinding(fields))).toBe('match')
    const file = await readVaultFile(old)
    expect(file.data.bindings).not.toEqual((await readFixtureBindings()).bindings)
  })

  it('from then on, editing the redirect URI or the PKCE method on disk is refused like editing the client', async () => {
    await (await reopen()).getSecret('golden-oauth', 'tokens')
    const edits: Array<Partial<ProfileFields>> = [{ redirectUri: 'https://evil.example/zoom/callback' }, { pkceMethod: 'plain' }, { pkceMethod: 'none' }, { clientId: 'someoneElsesClient' }]
    for (const change of edits) {
      edit('golden-oauth', change)
      const restarted = await reopen()
      await expect(restarted.getSecret('golden-oauth', 'tokens')).rejects.toMatchObject({ code: 'VAULT_DECRYPT_FAILED', reason: 'binding-mismatch' })
      expect(await restarted.repairState('golden-oauth')).toEqual(['tokens'])
    }
    // The fields it was bound to open it again.
    profiles.set('golden-oauth', GOLDEN_PROFILES['golden-oauth'])
    expect(await (await reopen()).getSecret('golden-oauth', 'tokens')).toBe(GOLDEN_SECRETS.find((s) => s.profileId === 'golden-oauth')?.value)
  })

  it('is migrated once: its old table put back later is not trusted again', async () => {
    await (await reopen()).getSecret('golden-s2s', 'clientSecret')
    const before = await readFixtureBindings()
    await editVaultFile(old, (file) => Object.assign(file.data, before))
    edit('golden-oauth', { redirectUri: 'https://evil.example/zoom/callback' })
    const restarted = await reopen()
    await expect(restarted.getSecret('golden-oauth', 'tokens')).rejects.toMatchObject({ reason: 'binding-mismatch' })
    // Every entry of that table was made under rule 1: none matches under the current one.
    expect(Object.keys(await restarted.profilesNeedingRepair()).sort()).toEqual(Object.keys(GOLDEN_PROFILES).sort())
  })

  it('a profile edited on disk before the upgrade still needs repair after it; the others are carried over', async () => {
    edit('golden-s2s', { clientId: 'someoneElsesClient' })
    const upgraded = await reopen()
    await expect(upgraded.getSecret('golden-s2s', 'clientSecret')).rejects.toMatchObject({ reason: 'binding-mismatch' })
    expect(await upgraded.profilesNeedingRepair()).toEqual({ 'golden-s2s': ['clientSecret', 'tokens'] })
    // Putting the client back does not help either: that binding was not carried over.
    profiles.set('golden-s2s', GOLDEN_PROFILES['golden-s2s'])
    await expect((await reopen()).getSecret('golden-s2s', 'clientSecret')).rejects.toMatchObject({ reason: 'binding-mismatch' })
  })

  /** The bindings table as the rule-1 build wrote it. */
  async function readFixtureBindings(): Promise<{ bindings: unknown; bindingsMac: unknown }> {
    const { data } = await readVaultFile(join(fixturesDir, 'keychain-bound-rule1'))
    return { bindings: data.bindings, bindingsMac: data.bindingsMac }
  }
})
