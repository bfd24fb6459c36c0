import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createPassphraseProtector, openVault, VaultError, type KeyProtector, type Vault } from '../../../main/vault'
import type { SecretStore } from '../../../main/tokens/secret-store'
import { FakeSafeStorage } from './fake-safe-storage'
import { editVaultFile, makeTempDir, openTestVault, readVaultFile, removeTempDir, tamperSecret, TEST_SCRYPT_COST } from './helpers'

let dir: string
beforeEach(async () => {
  dir = await makeTempDir()
})
afterEach(async () => {
  await removeTempDir(dir)
})

async function vaultError(promise: Promise<unknown>): Promise<VaultError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof VaultError) return error
    throw error
  }
  throw new Error('expected a VaultError')
}

const tokenSet = JSON.stringify({ access_token: 'at-123456', refresh_token: 'rt-654321', expires_at: 1_800_000_000_000 })

describe('setup and status', () => {
  it('starts uninitialised and says what the keychain offers', async () => {
    const vault = await openTestVault(dir)
    expect(vault.status()).toEqual({
      state: 'uninitialised',
      protection: { kind: 'none', secure: false, reason: expect.any(String) },
      keychain: { available: true, backend: 'gnome_libsecret', secure: true },
    })
    expect((await vaultError(vault.getSecret('p1', 'tokens'))).code).toBe('VAULT_NOT_INITIALISED')
    expect((await vaultError(vault.setSecret('p1', 'tokens', tokenSet))).code).toBe('VAULT_NOT_INITIALISED')
  })

  it('refuses the keychain on Linux basic_text and points to the passphrase, then works with a passphrase', async () => {
    const vault = await openTestVault(dir, new FakeSafeStorage({ backend: 'basic_text' }))
    expect(vault.status().keychain).toEqual({ available: true, backend: 'basic_text', secure: false })
    const error = await vaultError(vault.setupWithKeychain())
    expect(error.code).toBe('VAULT_PROTECTION_INSECURE')
    expect(error.message).toMatch(/passphrase/i)
    expect(vault.status().state).toBe('uninitialised')
    expect((await readVaultFile(dir).catch(() => null))?.data.key ?? null).toBeNull()

    const status = await vault.setupWithPassphrase('a long passphrase')
    expect(status).toMatchObject({ state: 'unlocked', protection: { kind: 'passphrase', secure: true } })
  })

  it('keychain mode: stores the backend, and unlocks itself after a restart', async () => {
    const safeStorage = new FakeSafeStorage({ backend: 'kwallet6' })
    const vault = await openTestVault(dir, safeStorage)
    expect(await vault.setupWithKeychain()).toMatchObject({ state: 'unlocked', protection: { kind: 'os-keychain', backend: 'kwallet6', secure: true } })
    await vault.setSecret('p1', 'clientSecret', 'client-secret-value')
    expect((await readVaultFile(dir)).data.key).toMatchObject({ wrapped: { kind: 'os-keychain', backend: 'kwallet6', platform: 'linux' } })

    const restarted = await openTestVault(dir, safeStorage)
    expect(restarted.status().state).toBe('locked')
    expect(await restarted.getSecret('p1', 'clientSecret')).toBe('client-secret-value')
    expect(restarted.status().state).toBe('unlocked')
  })

  it('unlocks the keychain once for many concurrent readers', async () => {
    const safeStorage = new FakeSafeStorage()
    await (await openTestVault(dir, safeStorage)).setupWithKeychain()
    const restarted = await openTestVault(dir, safeStorage)
    const before = safeStorage.decryptCalls
    await Promise.all(Array.from({ length: 20 }, () => restarted.getSecret('p1', 'tokens')))
    expect(safeStorage.decryptCalls - before).toBe(1)
  })

  it('refuses a second setup', async () => {
    const vault = await openTestVault(dir)
    await vault.setupWithKeychain()
    expect(await vaultError(vault.setupWithPassphrase('another passphrase'))).toMatchObject({ code: 'CONFLICT', reason: 'already-initialised' })
    expect(await vaultError(vault.setupWithPassphrase(''))).toMatchObject({ code: 'VAULT_BAD_PASSPHRASE', reason: 'passphrase-required' })
  })
})

describe('passphrase mode: lock and unlock', () => {
  it('is locked after a restart until the right passphrase is given', async () => {
    const vault = await openTestVault(dir)
    await vault.setupWithPassphrase('right passphrase')
    await vault.setSecret('p1', 'tokens', tokenSet)

    const restarted = await openTestVault(dir)
    expect(restarted.status()).toMatchObject({ state: 'locked', protection: { kind: 'passphrase' } })
    expect((await vaultError(restarted.getSecret('p1', 'tokens'))).code).toBe('VAULT_LOCKED')
    expect((await vaultError(restarted.unlock())).code).toBe('VAULT_LOCKED')
    const wrong = await vaultError(restarted.unlock('wrong passphrase'))
    expect(wrong.code).toBe('VAULT_BAD_PASSPHRASE')
    expect(wrong.message).not.toContain('wrong passphrase')
    expect(restarted.status().state).toBe('locked')

    expect((await restarted.unlock('right passphrase')).state).toBe('unlocked')
    expect(await restarted.getSecret('p1', 'tokens')).toBe(tokenSet)
    // hasSecret works without the key.
    expect(restarted.lock().state).toBe('locked')
    expect(restarted.hasSecret('p1', 'tokens')).toBe(true)
    expect(restarted.hasSecret('p1', 'clientSecret')).toBe(false)
    expect((await vaultError(restarted.getSecret('p1', 'tokens'))).code).toBe('VAULT_LOCKED')
    expect((await vaultError(restarted.setSecret('p1', 'tokens', tokenSet))).code).toBe('VAULT_LOCKED')
  })

  it('does not let a wrong passphrase ride on a concurrent right one', async () => {
    await (await openTestVault(dir)).setupWithPassphrase('right passphrase')
    const restarted = await openTestVault(dir)
    const [right, wrong] = await Promise.allSettled([restarted.unlock('right passphrase'), restarted.unlock('wrong passphrase')])
    expect(right.status).toBe('fulfilled')
    expect(wrong.status === 'rejected' && (wrong.reason as VaultError).code).toBe('VAULT_BAD_PASSPHRASE')
  })
})

describe('passphrase mode: one scrypt at a time', () => {
  /** Reopens the vault with passphrase protectors that count their scrypt runs (wrap and unwrap). */
  async function observedVault() {
    const runs = { started: 0, active: 0, maxActive: 0 }
    const observe = async <T>(work: () => Promise<T>): Promise<T> => {
      runs.started += 1
      runs.active += 1
      runs.maxActive = Math.max(runs.maxActive, runs.active)
      try {
        return await work()
      } finally {
        runs.active -= 1
      }
    }
    const passphraseProtector = (passphrase: string): KeyProtector => {
      const real = createPassphraseProtector(passphrase, { cost: TEST_SCRYPT_COST })
      return { kind: real.kind, wrap: (key) => observe(() => real.wrap(key)), unwrap: (wrapped) => observe(() => real.unwrap(wrapped)) }
    }
    const vault = await openVault({ dir, safeStorage: new FakeSafeStorage(), platform: 'linux', passphraseProtector })
    return { vault, runs }
  }

  beforeEach(async () => {
    const vault = await openTestVault(dir)
    await vault.setupWithPassphrase('right passphrase')
    await vault.setSecret('p1', 'tokens', tokenSet)
  })

  it('runs concurrent unlock attempts one after the other, each checked on its own', async () => {
    const { vault, runs } = await observedVault()
    const attempts = ['wrong 1', 'wrong 2', 'right passphrase', 'wrong 3', 'wrong 4'].map((p) => vault.unlock(p))
    const results = await Promise.allSettled(attempts)
    expect(runs.maxActive).toBe(1)
    expect(runs.started).toBe(5)
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value.state : (r.reason as VaultError).code))).toEqual([
      'VAULT_BAD_PASSPHRASE',
      'VAULT_BAD_PASSPHRASE',
      'unlocked',
      'VAULT_BAD_PASSPHRASE',
      'VAULT_BAD_PASSPHRASE',
    ])
    expect(await vault.getSecret('p1', 'tokens')).toBe(tokenSet)
  })

  it('lets concurrent callers with the same passphrase share one attempt', async () => {
    const { vault, runs } = await observedVault()
    const statuses = await Promise.all(Array.from({ length: 10 }, () => vault.unlock('right passphrase')))
    expect(statuses.every((s) => s.state === 'unlocked')).toBe(true)
    expect(runs.started).toBe(1)
  })

  it('drops attempts still waiting when the vault is locked', async () => {
    const { vault } = await observedVault()
    const first = vault.unlock('right passphrase')
    const waiting = vault.unlock('right passphrase too')
    vault.lock()
    expect((await vaultError(first)).code).toBe('VAULT_LOCKED')
    expect((await vaultError(waiting)).code).toBe('VAULT_LOCKED')
    expect(vault.status().state).toBe('locked')
  })
})

describe('changing the protection', () => {
  it('re-wraps the same data key: every secret stays readable and no ciphertext changes', async () => {
    const safeStorage = new FakeSafeStorage()
    const vault = await openTestVault(dir, safeStorage)
    await vault.setupWithKeychain()
    await vault.setSecret('p1', 'clientSecret', 'secret-one')
    await vault.setSecret('p2', 'tokens', tokenSet)
    const secretsBefore = (await readVaultFile(dir)).data.secrets

    expect(await vault.changeProtection({ kind: 'passphrase', passphrase: 'first passphrase' })).toMatchObject({ protection: { kind: 'passphrase' } })
    expect((await readVaultFile(dir)).data.secrets).toEqual(secretsBefore)
    const afterPassphrase = await openTestVault(dir, safeStorage)
    await afterPassphrase.unlock('first passphrase')
    expect(await afterPassphrase.getSecret('p1', 'clientSecret')).toBe('secret-one')

    await afterPassphrase.changeProtection({ kind: 'passphrase', passphrase: 'second passphrase', currentPassphrase: 'first passphrase' })
    const afterNewPassphrase = await openTestVault(dir, safeStorage)
    expect((await vaultError(afterNewPassphrase.unlock('first passphrase'))).code).toBe('VAULT_BAD_PASSPHRASE')
    await afterNewPassphrase.unlock('second passphrase')

    await afterNewPassphrase.changeProtection({ kind: 'os-keychain', currentPassphrase: 'second passphrase' })
    const backOnKeychain = await openTestVault(dir, safeStorage)
    expect(await backOnKeychain.getSecret('p2', 'tokens')).toBe(tokenSet)
    expect((await readVaultFile(dir)).data.secrets).toEqual(secretsBefore)
  })

  it('needs the vault unlocked, and refuses basic_text as the new protection', async () => {
    const safeStorage = new FakeSafeStorage()
    const vault = await openTestVault(dir, safeStorage)
    await vault.setupWithPassphrase('a passphrase')
    vault.lock()
    expect((await vaultError(vault.changeProtection({ kind: 'os-keychain' }))).code).toBe('VAULT_LOCKED')
    await vault.unlock('a passphrase')
    safeStorage.backend = 'basic_text'
    expect((await vaultError(vault.changeProtection({ kind: 'os-keychain', currentPassphrase: 'a passphrase' }))).code).toBe('VAULT_PROTECTION_INSECURE')
    expect(vault.status().protection.kind).toBe('passphrase')
  })

  it('changes a passphrase only when unlocked and given the current passphrase', async () => {
    const vault = await openTestVault(dir)
    await vault.setupWithPassphrase('old passphrase')
    await vault.setSecret('p1', 'clientSecret', 'kept')
    const fileBefore = await readFile(join(dir, 'vault.json'))

    expect(await vaultError(vault.changeProtection({ kind: 'passphrase', passphrase: 'attacker passphrase' }))).toMatchObject({
      code: 'VAULT_BAD_PASSPHRASE',
      reason: 'passphrase-required',
    })
    const wrong = await vaultError(vault.changeProtection({ kind: 'passphrase', passphrase: 'attacker passphrase', currentPassphrase: 'a guess at it' }))
    expect(wrong.code).toBe('VAULT_BAD_PASSPHRASE')
    expect(wrong.message).not.toContain('a guess')
    vault.lock()
    expect((await vaultError(vault.changeProtection({ kind: 'passphrase', passphrase: 'new passphrase', currentPassphrase: 'old passphrase' }))).code).toBe('VAULT_LOCKED')
    expect(await readFile(join(dir, 'vault.json'))).toEqual(fileBefore)

    await vault.unlock('old passphrase')
    await vault.changeProtection({ kind: 'passphrase', passphrase: 'new passphrase', currentPassphrase: 'old passphrase' })
    const restarted = await openTestVault(dir)
    expect((await vaultError(restarted.unlock('old passphrase'))).code).toBe('VAULT_BAD_PASSPHRASE')
    await restarted.unlock('new passphrase')
    expect(await restarted.getSecret('p1', 'clientSecret')).toBe('kept')
  })

  it('never wraps a zeroed key when lock() races a change of protection', async () => {
    const vault = await openTestVault(dir)
    await vault.setupWithPassphrase('old passphrase')
    await vault.setSecret('p1', 'clientSecret', 'still-readable')
    const changing = vault.changeProtection({ kind: 'passphrase', passphrase: 'new passphrase', currentPassphrase: 'old passphrase' })
    vault.lock()
    expect((await vaultError(changing)).code).toBe('VAULT_LOCKED')
    const restarted = await openTestVault(dir)
    await restarted.unlock('old passphrase')
    expect(await restarted.getSecret('p1', 'clientSecret')).toBe('still-readable')
  })
})

describe('keychain backend changes', () => {
  it('reports the backend used before and keeps everything when the new one cannot read the key', async () => {
    const safeStorage = new FakeSafeStorage({ backend: 'kwallet5', keyring: 'kwallet5' })
    const vault = await openTestVault(dir, safeStorage)
    await vault.setupWithKeychain()
    await vault.setSecret('p1', 'tokens', tokenSet)
    const before = await readVaultFile(dir)

    safeStorage.backend = 'gnome_libsecret'
    safeStorage.replaceKeyring('gnome')
    const restarted = await openTestVault(dir, safeStorage)
    expect(restarted.status().protection).toMatchObject({ kind: 'os-keychain', backend: 'gnome_libsecret', previousBackend: 'kwallet5' })
    const error = await vaultError(restarted.getSecret('p1', 'tokens'))
    expect(error).toMatchObject({ code: 'VAULT_DECRYPT_FAILED', reason: 'backend-changed', previousBackend: 'kwallet5' })
    expect(await readVaultFile(dir)).toEqual(before)

    // Back on the old backend, everything is there.
    safeStorage.backend = 'kwallet5'
    safeStorage.replaceKeyring('kwallet5')
    expect(await (await openTestVault(dir, safeStorage)).getSecret('p1', 'tokens')).toBe(tokenSet)
  })

  it('re-wraps under the new backend when it can still read the key, and remembers the old one', async () => {
    const safeStorage = new FakeSafeStorage({ backend: 'kwallet5', keyring: 'same wallet' })
    const vault = await openTestVault(dir, safeStorage)
    await vault.setupWithKeychain()
    await vault.setSecret('p1', 'clientSecret', 'kept-through-migration')

    safeStorage.backend = 'kwallet6'
    const restarted = await openTestVault(dir, safeStorage)
    expect(await restarted.getSecret('p1', 'clientSecret')).toBe('kept-through-migration')
    expect((await readVaultFile(dir)).data.key).toMatchObject({ wrapped: { backend: 'kwallet6', previousBackend: 'kwallet5' } })
    expect((await openTestVault(dir, safeStorage)).status().protection).toMatchObject({ backend: 'kwallet6', previousBackend: 'kwallet5', secure: true })
  })

  it('refuses to unlock with basic_text and says which backend held the key', async () => {
    const safeStorage = new FakeSafeStorage({ backend: 'gnome_libsecret' })
    await (await openTestVault(dir, safeStorage)).setupWithKeychain()
    safeStorage.backend = 'basic_text'
    const restarted = await openTestVault(dir, safeStorage)
    expect(restarted.status().protection).toMatchObject({ secure: false, previousBackend: 'gnome_libsecret' })
    const error = await vaultError(restarted.unlock())
    expect(error).toMatchObject({ code: 'VAULT_PROTECTION_INSECURE', previousBackend: 'gnome_libsecret' })
  })

  it('detects a keychain that hands back a different key (key check)', async () => {
    const safeStorage = new FakeSafeStorage()
    await (await openTestVault(dir, safeStorage)).setupWithKeychain()
    // Someone swaps in a blob that decrypts fine but to another 32-byte key.
    await editVaultFile(dir, (file) => {
      const key = file.data.key as { wrapped: { blob: string } }
      key.wrapped.blob = safeStorage.encryptString(Buffer.alloc(32, 7).toString('base64')).toString('base64')
    })
    expect(await vaultError((await openTestVault(dir, safeStorage)).unlock())).toMatchObject({ code: 'VAULT_DECRYPT_FAILED', reason: 'key-mismatch' })
  })
})

describe('secrets that cannot be decrypted', () => {
  async function vaultWithSecrets(): Promise<Vault> {
    const vault = await openTestVault(dir)
    await vault.setupWithPassphrase('a passphrase')
    await vault.setSecret('p1', 'clientSecret', 'client-secret-value')
    await vault.setSecret('p1', 'tokens', tokenSet)
    return vault
  }
  const reopen = async () => {
    const vault = await openTestVault(dir)
    await vault.unlock('a passphrase')
    return vault
  }

  it.each([
    ['nonce', 0],
    ['ciphertext', 20],
    ['tag', -1],
  ])('a flipped byte in the %s → VAULT_DECRYPT_FAILED naming profile and field; the ciphertext is kept', async (_part, index) => {
    await vaultWithSecrets()
    const tampered = await tamperSecret(dir, 'p1', 'tokens', (bytes) => {
      bytes[index < 0 ? bytes.length + index : index]! ^= 0x80
    })
    const vault = await reopen()

    const error = await vaultError(vault.getSecret('p1', 'tokens'))
    expect(error).toMatchObject({ code: 'VAULT_DECRYPT_FAILED', profileId: 'p1', field: 'tokens' })
    expect(error.message).toContain('p1')
    expect(error.message).not.toContain('access_token')
    expect(await vault.getSecret('p1', 'clientSecret')).toBe('client-secret-value')
    expect(await vault.repairState('p1')).toEqual(['tokens'])
    expect(await vault.profilesNeedingRepair()).toEqual({ p1: ['tokens'] })
    expect((await readVaultFile(dir)).data.secrets.p1?.tokens).toBe(tampered)
  })

  it('a ciphertext moved to another profile or field does not decrypt (AAD binds profile and field)', async () => {
    await vaultWithSecrets()
    await editVaultFile(dir, (file) => {
      const p1 = file.data.secrets.p1!
      file.data.secrets.p2 = { tokens: p1.tokens! }
      p1.clientSecret = p1.tokens!
    })
    const vault = await reopen()
    expect(await vaultError(vault.getSecret('p2', 'tokens'))).toMatchObject({ code: 'VAULT_DECRYPT_FAILED', profileId: 'p2', field: 'tokens' })
    expect(await vaultError(vault.getSecret('p1', 'clientSecret'))).toMatchObject({ code: 'VAULT_DECRYPT_FAILED', profileId: 'p1', field: 'clientSecret' })
    expect(await vault.getSecret('p1', 'tokens')).toBe(tokenSet)
    expect(await vault.profilesNeedingRepair()).toEqual({ p1: ['clientSecret'], p2: ['tokens'] })
  })

  it('an unknown future format is reported as such, not as damage', async () => {
    await vaultWithSecrets()
    await editVaultFile(dir, (file) => {
      file.data.secrets.p1!.tokens = 'zcv9:AAAA'
    })
    expect(await vaultError((await reopen()).getSecret('p1', 'tokens'))).toMatchObject({ reason: 'unsupported-format' })
  })

  it('setSecret refuses to overwrite an undecryptable value unless asked, and then archives it', async () => {
    await vaultWithSecrets()
    const tampered = await tamperSecret(dir, 'p1', 'tokens', (bytes) => {
      bytes[15]! ^= 1
    })
    const vault = await reopen()
    const newTokens = JSON.stringify({ access_token: 'new-at', refresh_token: 'new-rt' })

    expect(await vaultError(vault.setSecret('p1', 'tokens', newTokens))).toMatchObject({ code: 'VAULT_DECRYPT_FAILED', reason: 'needs-repair', field: 'tokens' })
    expect((await readVaultFile(dir)).data.secrets.p1?.tokens).toBe(tampered)

    await vault.setSecret('p1', 'tokens', newTokens, { replaceUndecryptable: true })
    expect(await vault.getSecret('p1', 'tokens')).toBe(newTokens)
    expect(await vault.repairState('p1')).toEqual([])
    const archive = (await readVaultFile(dir)).data.archive as Array<{ reason: string; secrets: Record<string, Record<string, string>> }>
    expect(archive).toHaveLength(1)
    expect(archive[0]).toMatchObject({ reason: 'replaced', secrets: { p1: { tokens: tampered } } })
  })

  it('replacing a readable secret needs no flag', async () => {
    const vault = await vaultWithSecrets()
    await vault.setSecret('p1', 'clientSecret', 'rotated-secret')
    expect(await vault.getSecret('p1', 'clientSecret')).toBe('rotated-secret')
    expect((await readVaultFile(dir)).data.archive).toEqual([])
  })

  it('reset() starts over but archives the old key and ciphertexts instead of deleting them', async () => {
    const vault = await vaultWithSecrets()
    const before = await readVaultFile(dir)
    expect((await vault.reset()).state).toBe('uninitialised')
    const after = await readVaultFile(dir)
    expect(after.data.secrets).toEqual({})
    expect(after.data.archive).toEqual([{ at: expect.any(String), reason: 'reset', key: before.data.key, secrets: before.data.secrets }])
    await vault.setupWithPassphrase('fresh passphrase')
    expect(vault.hasSecret('p1', 'tokens')).toBe(false)
  })
})

describe('an unusable vault file', () => {
  it('is moved aside with its ciphertext and reported, never emptied in place', async () => {
    const vault = await openTestVault(dir)
    await vault.setupWithKeychain()
    await vault.setSecret('p1', 'tokens', tokenSet)
    const original = await readFile(join(dir, 'vault.json'))
    await writeFile(join(dir, 'vault.json'), original.subarray(0, original.length - 20))
    const problems: unknown[] = []

    const restarted = await openVault({ dir, safeStorage: new FakeSafeStorage(), platform: 'linux', onProblem: (p) => problems.push(p) })
    expect(restarted.problems).toHaveLength(1)
    expect(problems).toEqual(restarted.problems)
    expect(restarted.problems[0]).toMatchObject({ kind: 'invalid-json', movedTo: expect.stringMatching(/vault\.json\.corrupt-/) })
    expect(await readFile(restarted.problems[0]!.movedTo)).toEqual(original.subarray(0, original.length - 20))
    expect(restarted.status().state).toBe('uninitialised')
  })

  it('written by a newer version is refused untouched: no backup (with an older refresh token) is restored over it', async () => {
    const vault = await openTestVault(dir)
    await vault.setupWithKeychain()
    await vault.setSecret('p1', 'tokens', tokenSet)
    await openTestVault(dir) // a restart saves vault.json.bak
    await editVaultFile(dir, (file) => {
      file.schemaVersion = 99
    })
    const before = await readFile(join(dir, 'vault.json'))
    const backup = await readFile(join(dir, 'vault.json.bak'))

    const opening = openVault({ dir, safeStorage: new FakeSafeStorage(), platform: 'linux' })
    await expect(opening).rejects.toMatchObject({ code: 'STORE_CORRUPT', refusal: 'newer-version', file: join(dir, 'vault.json') })
    expect(await readFile(join(dir, 'vault.json'))).toEqual(before)
    expect(await readFile(join(dir, 'vault.json.bak'))).toEqual(backup)
  })

  it('is restored from the copy saved at the previous start, so the secrets stay readable', async () => {
    const vault = await openTestVault(dir)
    await vault.setupWithKeychain()
    await vault.setSecret('p1', 'tokens', tokenSet)
    await openTestVault(dir) // a restart saves vault.json.bak
    await writeFile(join(dir, 'vault.json'), '')

    const restarted = await openTestVault(dir)
    expect(restarted.problems[0]).toMatchObject({ kind: 'invalid-json', restoredFrom: join(dir, 'vault.json.bak') })
    expect(await restarted.getSecret('p1', 'tokens')).toBe(tokenSet)
  })
})

describe('storing secrets', () => {
  it('keeps profiles and fields apart, deletes on request, and survives a restart', async () => {
    const vault = await openTestVault(dir)
    await vault.setupWithKeychain()
    await vault.setSecret('p1', 'clientSecret', 'one')
    await vault.setSecret('p2', 'clientSecret', 'two')
    await vault.setSecret('p2', 'tokens', tokenSet)
    expect(await vault.getSecret('p1', 'tokens')).toBeUndefined()
    expect(await vault.getSecret('unknown', 'clientSecret')).toBeUndefined()

    await vault.deleteSecret('p2', 'tokens')
    expect(vault.hasSecret('p2', 'tokens')).toBe(false)
    expect(await vault.getSecret('p2', 'clientSecret')).toBe('two')
    await vault.deleteProfile('p1')
    expect(vault.hasSecret('p1', 'clientSecret')).toBe(false)

    const restarted = await openTestVault(dir)
    expect(await restarted.getSecret('p2', 'clientSecret')).toBe('two')
    expect(Object.keys((await readVaultFile(dir)).data.secrets)).toEqual(['p2'])
  })

  it('lands every one of many concurrent writes', async () => {
    const vault = await openTestVault(dir)
    await vault.setupWithKeychain()
    await Promise.all(Array.from({ length: 40 }, (_, i) => vault.setSecret(`p${i % 8}`, i % 2 ? 'tokens' : 'clientSecret', `value-${i}`)))
    const restarted = await openTestVault(dir)
    for (let i = 32; i < 40; i += 1) {
      expect(await restarted.getSecret(`p${i % 8}`, i % 2 ? 'tokens' : 'clientSecret')).toBe(`value-${i}`)
    }
  })

  it('satisfies the token manager and profile service port (SecretStore)', async () => {
    const store: SecretStore = await openTestVault(dir)
    expect(store.status().state).toBe('uninitialised')
  })

  it('rejects profile ids that cannot be stored faithfully', async () => {
    const vault = await openTestVault(dir)
    await vault.setupWithKeychain()
    for (const id of ['__proto__', '', 'a/b', 'x'.repeat(200)]) {
      expect((await vaultError(vault.setSecret(id, 'tokens', tokenSet))).code).toBe('VALIDATION')
    }
  })
})
