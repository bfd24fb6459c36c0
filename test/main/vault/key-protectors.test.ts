import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { assessKeychain, createOsKeychainProtector, createPassphraseProtector, VaultError, type WrappedKey } from '../../../main/vault'
import { redact } from '../../../main/log/redact'
import { FakeSafeStorage } from './fake-safe-storage'
import { TEST_SCRYPT_COST } from './helpers'

async function rejection(promise: Promise<unknown>): Promise<VaultError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof VaultError) return error
    throw error
  }
  throw new Error('expected a VaultError')
}

describe('OS keychain assessment', () => {
  it.each([
    ['linux', 'gnome_libsecret', true],
    ['linux', 'kwallet5', true],
    ['linux', 'kwallet6', true],
    ['linux', 'basic_text', false],
    ['linux', 'unknown', false],
    ['linux', 'some_future_backend', false],
    ['darwin', 'ignored', true],
    ['win32', 'ignored', true],
  ] as const)('%s with %s → secure: %s', (platform, backend, secure) => {
    const assessment = assessKeychain(new FakeSafeStorage({ backend }), platform)
    expect(assessment.secure).toBe(secure)
    expect(assessment.available).toBe(true)
    if (!secure) expect(assessment.reason).toMatch(/passphrase/i)
    if (platform === 'darwin') expect(assessment.backend).toBe('keychain')
    if (platform === 'win32') expect(assessment.backend).toBe('dpapi')
  })

  it('reports basic_text as no protection even though encryption is "available"', () => {
    const assessment = assessKeychain(new FakeSafeStorage({ backend: 'basic_text' }), 'linux')
    expect(assessment).toMatchObject({ available: true, backend: 'basic_text', secure: false })
    expect(assessment.reason).toMatch(/hard-coded password/)
  })

  it('reports an unavailable keychain (and an old Electron without getSelectedStorageBackend) as insecure', () => {
    expect(assessKeychain(new FakeSafeStorage({ available: false }), 'darwin')).toMatchObject({ available: false, secure: false })
    const old = new FakeSafeStorage()
    const withoutBackend = { isEncryptionAvailable: () => true, encryptString: old.encryptString.bind(old), decryptString: old.decryptString.bind(old) }
    expect(assessKeychain(withoutBackend, 'linux')).toMatchObject({ backend: 'unknown', secure: false })
  })
})

describe('OS keychain protector', () => {
  it('wraps and unwraps a data key, recording platform and backend, without the key in clear', async () => {
    const safeStorage = new FakeSafeStorage({ backend: 'kwallet6' })
    const protector = createOsKeychainProtector(safeStorage, 'linux')
    const dataKey = randomBytes(32)
    const wrapped = await protector.wrap(dataKey)
    expect(wrapped).toMatchObject({ kind: 'os-keychain', platform: 'linux', backend: 'kwallet6' })
    expect(JSON.stringify(wrapped)).not.toContain(dataKey.toString('base64'))
    expect(await protector.unwrap(wrapped)).toEqual(dataKey)
  })

  it('refuses to wrap with basic_text', async () => {
    const protector = createOsKeychainProtector(new FakeSafeStorage({ backend: 'basic_text' }), 'linux')
    const error = await rejection(protector.wrap(randomBytes(32)))
    expect(error.code).toBe('VAULT_PROTECTION_INSECURE')
    expect(error.message).toMatch(/passphrase/)
  })

  it('names the previous backend when the key cannot be read after a backend change', async () => {
    const safeStorage = new FakeSafeStorage({ backend: 'kwallet5', keyring: 'kwallet5 wallet' })
    const protector = createOsKeychainProtector(safeStorage, 'linux')
    const wrapped = await protector.wrap(randomBytes(32))
    safeStorage.backend = 'kwallet6'
    safeStorage.replaceKeyring('kwallet6 wallet')
    const error = await rejection(protector.unwrap(wrapped))
    expect(error).toMatchObject({ code: 'VAULT_DECRYPT_FAILED', reason: 'backend-changed', previousBackend: 'kwallet5' })
    expect(error.message).toContain('kwallet5')
    expect(error.message).toContain('--password-store=kwallet5')
  })

  it('refuses to unwrap when the keychain has fallen back to basic_text, naming the backend used before', async () => {
    const safeStorage = new FakeSafeStorage({ backend: 'gnome_libsecret' })
    const protector = createOsKeychainProtector(safeStorage, 'linux')
    const wrapped = await protector.wrap(randomBytes(32))
    safeStorage.backend = 'basic_text'
    const error = await rejection(protector.unwrap(wrapped))
    expect(error).toMatchObject({ code: 'VAULT_PROTECTION_INSECURE', previousBackend: 'gnome_libsecret' })
    expect(error.message).toContain('gnome_libsecret')
  })

  it('does not accept an empty or garbled keychain result as a key', async () => {
    const protector = createOsKeychainProtector(new FakeSafeStorage(), 'linux')
    const wrapped = await protector.wrap(randomBytes(32))
    const empty: WrappedKey = { ...wrapped, kind: 'os-keychain', blob: '' } as WrappedKey
    expect(await rejection(protector.unwrap(empty))).toMatchObject({ code: 'VAULT_DECRYPT_FAILED', reason: 'key-mismatch' })
  })
})

describe('passphrase protector', () => {
  it('wraps with scrypt and a random salt, and unwraps with the same passphrase', async () => {
    const dataKey = randomBytes(32)
    const protector = createPassphraseProtector('correct horse battery staple', { cost: TEST_SCRYPT_COST })
    const a = await protector.wrap(dataKey)
    const b = await protector.wrap(dataKey)
    expect(a).toMatchObject({ kind: 'passphrase', kdf: 'scrypt', ...TEST_SCRYPT_COST })
    expect(a.kind === 'passphrase' && b.kind === 'passphrase' && a.salt !== b.salt).toBe(true)
    expect(await protector.unwrap(a)).toEqual(dataKey)
  })

  it('rejects a wrong passphrase with VAULT_BAD_PASSPHRASE', async () => {
    const wrapped = await createPassphraseProtector('right passphrase', { cost: TEST_SCRYPT_COST }).wrap(randomBytes(32))
    const error = await rejection(createPassphraseProtector('wrong passphrase').unwrap(wrapped))
    expect(error.code).toBe('VAULT_BAD_PASSPHRASE')
    expect(error.message).not.toContain('passphrase w')
  })

  it('treats differently composed but identical-looking passphrases as the same (NFC)', async () => {
    const dataKey = randomBytes(32)
    const wrapped = await createPassphraseProtector('caf\u00e9 au lait', { cost: TEST_SCRYPT_COST }).wrap(dataKey)
    expect(await createPassphraseProtector('cafe\u0301 au lait').unwrap(wrapped)).toEqual(dataKey)
  })

  it('refuses out-of-range cost parameters from a tampered file instead of running them', async () => {
    const wrapped = await createPassphraseProtector('right passphrase', { cost: TEST_SCRYPT_COST }).wrap(randomBytes(32))
    const tampered = { ...wrapped, N: 2 ** 24 } as WrappedKey
    expect(await rejection(createPassphraseProtector('right passphrase').unwrap(tampered))).toMatchObject({ code: 'VAULT_DECRYPT_FAILED', reason: 'damaged' })
  })

  it('does not hand the passphrase to the log redactor, whose registry would keep it in memory after lock', async () => {
    const passphrase = 'plain words kept nowhere 5e1b'
    const protector = createPassphraseProtector(passphrase, { cost: TEST_SCRYPT_COST })
    await protector.unwrap(await protector.wrap(randomBytes(32)))
    expect(redact(`typed ${passphrase}`)).toBe(`typed ${passphrase}`)
    // The pattern-based redaction still covers the forms a passphrase could be written in.
    expect(redact(`passphrase=${passphrase.replace(/ /g, '-')}`)).toBe('passphrase=[redacted]')
  })

  it('requires a passphrase', () => {
    expect(() => createPassphraseProtector('')).toThrow(VaultError)
  })
})
