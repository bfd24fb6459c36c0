// Protects the data key with the OS keychain through Electron's safeStorage (passed in by
// main/platform; no electron import here). On Linux, safeStorage may fall back to `basic_text`,
// a hard-coded password that protects nothing: that is reported as insecure and refused, so the
// person is offered the passphrase protector instead (reference/security.md §2.1).
import type { SafeStorageLike } from '../ports'
import type { KeychainWrappedKey, KeyProtector, WrappedKey } from './key-protector'
import { KEY_BYTES } from './sealed-box'
import { VaultError } from './vault-error'

export type { SafeStorageLike }

/** What this machine's keychain offers right now. */
export interface KeychainAssessment {
  available: boolean
  /** `keychain` (macOS), `dpapi` (Windows), or what Electron reports on Linux (gnome_libsecret, kwallet6, basic_text…). */
  backend: string
  secure: boolean
  /** Plain-language explanation when not secure. */
  reason?: string
}

export interface OsKeychainProtector extends KeyProtector {
  readonly kind: 'os-keychain'
  assess(): KeychainAssessment
}

/** Linux backends that keep the key in a real secret store. Anything else (basic_text, unknown, new names) is not trusted. */
const SECURE_LINUX_BACKENDS = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'])
/** The Chromium switch that selects a backend, to tell the person how to get an old one back. */
const PASSWORD_STORE_FLAG: Record<string, string> = {
  gnome_libsecret: 'gnome-libsecret',
  kwallet: 'kwallet',
  kwallet5: 'kwallet5',
  kwallet6: 'kwallet6',
}

export function createOsKeychainProtector(safeStorage: SafeStorageLike, platform: NodeJS.Platform): OsKeychainProtector {
  const assess = (): KeychainAssessment => assessKeychain(safeStorage, platform)

  return {
    kind: 'os-keychain',
    assess,
    async wrap(dataKey: Buffer): Promise<KeychainWrappedKey> {
      const current = assess()
      if (!current.secure) throw new VaultError('VAULT_PROTECTION_INSECURE', insecureMessage(current))
      let blob: Buffer
      try {
        blob = safeStorage.encryptString(dataKey.toString('base64'))
      } catch (error) {
        throw new VaultError('VAULT_PROTECTION_INSECURE', 'The operating system keychain refused to store the vault key. Use a passphrase instead.', {
          reason: 'keychain-failed',
          cause: error,
        })
      }
      return { kind: 'os-keychain', platform, backend: current.backend, blob: blob.toString('base64') }
    },
    async unwrap(wrapped: WrappedKey): Promise<Buffer> {
      if (wrapped.kind !== 'os-keychain') throw new VaultError('VAULT_DECRYPT_FAILED', 'The vault key is not protected by the OS keychain', { reason: 'damaged' })
      const current = assess()
      const changed = wrapped.backend !== current.backend
      const facts = changed ? { previousBackend: wrapped.backend } : {}
      if (wrapped.platform !== platform) {
        throw new VaultError('VAULT_DECRYPT_FAILED', `The vault key was protected by the keychain of another operating system (${wrapped.platform}).`, {
          reason: 'backend-changed',
          ...facts,
        })
      }
      if (!current.secure) {
        const before = changed ? ` The vault key was stored with ${wrapped.backend}.${restoreHint(wrapped.backend)}` : ''
        throw new VaultError('VAULT_PROTECTION_INSECURE', insecureMessage(current) + before, { reason: changed ? 'backend-changed' : 'keychain-failed', ...facts })
      }

      let encoded: string
      try {
        encoded = safeStorage.decryptString(Buffer.from(wrapped.blob, 'base64'))
      } catch (error) {
        const message = changed
          ? `The vault key was stored with the ${wrapped.backend} keychain, but ${current.backend} is in use now, and it cannot read the key.${restoreHint(wrapped.backend)}`
          : `The ${current.backend} keychain could not decrypt the vault key (was the keyring reset or replaced?).`
        throw new VaultError('VAULT_DECRYPT_FAILED', message, { reason: changed ? 'backend-changed' : 'keychain-failed', ...facts, cause: error })
      }
      const dataKey = Buffer.from(encoded, 'base64')
      // An empty or garbled result (safeStorage decrypts an empty buffer to "") is not a key.
      if (dataKey.length !== KEY_BYTES || dataKey.toString('base64') !== encoded) {
        dataKey.fill(0)
        throw new VaultError('VAULT_DECRYPT_FAILED', 'The keychain returned something that is not the vault key.', { reason: 'key-mismatch', ...facts })
      }
      return dataKey
    },
  }
}

export function assessKeychain(safeStorage: SafeStorageLike, platform: NodeJS.Platform): KeychainAssessment {
  const backend = backendName(safeStorage, platform)
  let available: boolean
  try {
    available = safeStorage.isEncryptionAvailable()
  } catch {
    available = false
  }
  // Checked before `available`: Electron reports basic_text as unavailable (isEncryptionAvailable()
  // is false unless setUsePlainTextEncryption(true), electron_api_safe_storage.cc), and Chromium
  // picks basic_text whenever it does not recognise the desktop (safe-storage.md), keyring or not.
  if (platform === 'linux' && backend === 'basic_text') {
    return {
      available,
      backend,
      secure: false,
      reason:
        'Electron found no keyring it recognises for this desktop, so the keychain would store the key with a hard-coded password that protects nothing. Use a passphrase instead, or, if GNOME Keyring or KWallet runs here, start the app with --password-store=gnome-libsecret (or --password-store=kwallet6).',
    }
  }
  if (!available) {
    return { available, backend, secure: false, reason: 'The operating system keychain is not available. Use a passphrase to protect your secrets.' }
  }
  if (platform === 'darwin' || platform === 'win32' || SECURE_LINUX_BACKENDS.has(backend)) return { available, backend, secure: true }
  return { available, backend, secure: false, reason: `The keychain backend "${backend}" is not one this app trusts. Use a passphrase instead.` }
}

function backendName(safeStorage: SafeStorageLike, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'keychain'
  if (platform === 'win32') return 'dpapi'
  try {
    return safeStorage.getSelectedStorageBackend?.() ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

function insecureMessage(assessment: KeychainAssessment): string {
  return assessment.reason ?? 'The operating system keychain cannot protect the vault key.'
}

function restoreHint(backend: string): string {
  const flag = PASSWORD_STORE_FLAG[backend]
  return flag ? ` Starting the app with --password-store=${flag} may restore access; nothing has been deleted.` : ' Nothing has been deleted.'
}
