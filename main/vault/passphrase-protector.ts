// Protects the data key with a passphrase the person types: key-encryption key = scrypt(passphrase,
// salt), and the data key is sealed with it (AES-256-GCM, sealed-box.ts). A wrong passphrase gives a
// different key-encryption key, so the seal fails authentication: that is VAULT_BAD_PASSPHRASE.
import { randomBytes, scrypt, type ScryptOptions } from 'node:crypto'
import type { KeyProtector, PassphraseWrappedKey, WrappedKey } from './key-protector'
import { KEY_BYTES, OpenFailure, open, seal } from './sealed-box'
import { VaultError } from './vault-error'

export interface ScryptCost {
  /** CPU/memory cost, a power of two. */
  N: number
  r: number
  p: number
}

/** OWASP's recommendation for scrypt: 2^17 × 8 × 128 B = 128 MiB and roughly a third of a second. */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 }
/** Upper bounds accepted from a file, so a tampered file cannot make unlock take minutes or gigabytes. */
const MAX_N = 2 ** 20
const MAX_P = 16
const MAX_MEMORY_BYTES = 512 * 1024 * 1024
const SALT_BYTES = 16
const SEAL_CONTEXT = ['data-key', 'passphrase-scrypt'] as const

export interface PassphraseProtectorOptions {
  /** Cost for new wrappings; unwrap always uses the cost stored with the wrapped key. */
  cost?: ScryptCost
}

export function createPassphraseProtector(passphrase: string, options: PassphraseProtectorOptions = {}): KeyProtector {
  if (passphrase.length === 0) {
    throw new VaultError('VAULT_BAD_PASSPHRASE', 'Enter the vault passphrase', { reason: 'passphrase-required' })
  }
  // Not registered with the log redactor: its registry lives as long as the process, so it would
  // keep the passphrase in memory after lock(). Our code never logs a passphrase, and the
  // redactor's patterns still catch `passphrase=…` forms.
  const cost = options.cost ?? DEFAULT_SCRYPT_COST
  return {
    kind: 'passphrase',
    async wrap(dataKey: Buffer): Promise<PassphraseWrappedKey> {
      const salt = randomBytes(SALT_BYTES)
      const kek = await deriveKey(passphrase, salt, cost)
      try {
        return { kind: 'passphrase', kdf: 'scrypt', ...cost, salt: salt.toString('base64'), sealedKey: seal(kek, dataKey, SEAL_CONTEXT) }
      } finally {
        kek.fill(0)
      }
    },
    async unwrap(wrapped: WrappedKey): Promise<Buffer> {
      if (wrapped.kind !== 'passphrase') throw new VaultError('VAULT_DECRYPT_FAILED', 'The vault key is not protected by a passphrase', { reason: 'damaged' })
      const stored = { N: wrapped.N, r: wrapped.r, p: wrapped.p }
      if (!isAcceptableCost(stored)) {
        throw new VaultError('VAULT_DECRYPT_FAILED', 'The stored passphrase parameters are out of range; the vault file looks damaged', { reason: 'damaged' })
      }
      const kek = await deriveKey(passphrase, Buffer.from(wrapped.salt, 'base64'), stored)
      try {
        const dataKey = open(kek, wrapped.sealedKey, SEAL_CONTEXT)
        if (dataKey.length !== KEY_BYTES) throw new VaultError('VAULT_DECRYPT_FAILED', 'The stored vault key has the wrong length', { reason: 'damaged' })
        return dataKey
      } catch (error) {
        if (error instanceof OpenFailure && error.reason === 'authentication') {
          throw new VaultError('VAULT_BAD_PASSPHRASE', 'The passphrase is not correct')
        }
        if (error instanceof OpenFailure) {
          throw new VaultError('VAULT_DECRYPT_FAILED', 'The stored vault key is damaged', { reason: error.reason === 'unsupported-format' ? 'unsupported-format' : 'damaged' })
        }
        throw error
      } finally {
        kek.fill(0)
      }
    },
  }
}

function isAcceptableCost({ N, r, p }: ScryptCost): boolean {
  const powerOfTwo = N >= 2 && (N & (N - 1)) === 0
  return powerOfTwo && N <= MAX_N && p <= MAX_P && 128 * N * r <= MAX_MEMORY_BYTES
}

function deriveKey(passphrase: string, salt: Buffer, { N, r, p }: ScryptCost): Promise<Buffer> {
  // NFC so that the same visible passphrase typed through different input methods gives the same key.
  const secret = Buffer.from(passphrase.normalize('NFC'), 'utf8')
  // Node refuses scrypt above `maxmem` (32 MiB by default); allow what the parameters need.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, KEY_BYTES, options, (error, key) => {
      secret.fill(0)
      if (error) reject(error)
      else resolve(key)
    })
  })
}
