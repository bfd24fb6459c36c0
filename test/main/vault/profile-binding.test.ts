// The vault binds each profile's secrets to the canonical text of its security fields, with a MAC
// under a key derived from the data key: a secret is handed out only while the profile still names
// what it was bound to; a vault written before bindings existed is migrated and bound on first use.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Vault } from '../../../main/vault'
import { editVaultFile, makeTempDir, openTestVault, readVaultFile, removeTempDir } from './helpers'
import { FakeSafeStorage } from './fake-safe-storage'

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

  it('migrates a version-1 vault; its secrets are bound on first use to the profile as it is', async () => {
    await vault.setSecret('p1', 'tokens', '{"v":1}')
    await editVaultFile(dir, (file) => {
      file.schemaVersion = 1
      delete file.data.bindings
    })
    const reopened = await openTestVault(dir, safeStorage)
    bindings.set('p1', 'api.zoom.us')
    reopened.setBinder((id) => bindings.get(id))
    expect(await reopened.getSecret('p1', 'tokens')).toBe('{"v":1}')
    expect(await reopened.checkBinding('p1', 'api.zoom.us')).toBe('match')
    expect((await readVaultFile(dir)).schemaVersion).toBe(2)
    await reopened.deleteProfile('p1')
    expect((await readVaultFile(dir)).data.bindings).toEqual({})
  })
})
