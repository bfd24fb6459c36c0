// A hand-written stand-in for Electron's safeStorage. It really encrypts (AES-256-GCM under a
// "keyring" key derived from a seed), so plaintext-on-disk bugs show up, and "the keyring was
// replaced" is simply another seed. It behaves like Electron where tests depend on it: throws when
// unavailable, rejects data without the v10/v11 prefix, and decrypts an empty buffer to "".
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import type { SafeStorageLike } from '../../../main/vault'

export class FakeSafeStorage implements SafeStorageLike {
  available = true
  backend: string
  encryptCalls = 0
  decryptCalls = 0
  private keyringKey: Buffer

  constructor(options: { backend?: string; keyring?: string; available?: boolean } = {}) {
    this.backend = options.backend ?? 'gnome_libsecret'
    this.available = options.available ?? true
    this.keyringKey = createHash('sha256').update(options.keyring ?? 'default keyring').digest()
  }

  /** Simulates a reset or replaced keyring: earlier ciphertexts no longer decrypt. */
  replaceKeyring(seed: string): void {
    this.keyringKey = createHash('sha256').update(seed).digest()
  }

  isEncryptionAvailable(): boolean {
    return this.available
  }

  getSelectedStorageBackend(): string {
    return this.backend
  }

  encryptString(plainText: string): Buffer {
    this.encryptCalls += 1
    if (!this.available) throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.')
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.keyringKey, iv)
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()])
    return Buffer.concat([Buffer.from('v11'), iv, body, cipher.getAuthTag()])
  }

  decryptString(encrypted: Buffer): string {
    this.decryptCalls += 1
    if (!Buffer.isBuffer(encrypted)) throw new TypeError('Expected the first argument of decryptString() to be a buffer')
    if (encrypted.length === 0) return ''
    if (!this.available) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.')
    const prefix = encrypted.subarray(0, 3).toString()
    if (prefix !== 'v10' && prefix !== 'v11') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Ciphertext does not appear to be encrypted.')
    const iv = encrypted.subarray(3, 15)
    const decipher = createDecipheriv('aes-256-gcm', this.keyringKey, iv)
    decipher.setAuthTag(encrypted.subarray(encrypted.length - 16))
    try {
      return Buffer.concat([decipher.update(encrypted.subarray(15, encrypted.length - 16)), decipher.final()]).toString('utf8')
    } catch {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
    }
  }
}
