// The KeyProtector port: how the vault's data key is protected at rest. The data key itself never
// changes when the protection changes; only its wrapping does.
import { z } from 'zod'

const base64 = z.string().max(4096).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64')

/** The data key wrapped by the OS keychain (Electron safeStorage). */
export const keychainWrappedKeySchema = z
  .object({
    kind: z.literal('os-keychain'),
    /** process.platform when wrapped: a vault copied to another OS cannot be unwrapped there. */
    platform: z.string().max(32),
    /** The keychain backend that wrapped the key (e.g. gnome_libsecret, keychain, dpapi). */
    backend: z.string().max(64),
    /** safeStorage.encryptString(base64(dataKey)), base64. */
    blob: base64,
    /** The backend that wrapped the key before, when it changed and the key could still be recovered. */
    previousBackend: z.string().max(64).optional(),
  })
  .strict()

/** The data key sealed (zcv1, see sealed-box.ts) with a key derived from a passphrase by scrypt. */
export const passphraseWrappedKeySchema = z
  .object({
    kind: z.literal('passphrase'),
    kdf: z.literal('scrypt'),
    // Bounds are checked at unwrap time, so a tampered value is a clear error, not a lost vault file.
    N: z.number().int().positive(),
    r: z.number().int().positive(),
    p: z.number().int().positive(),
    salt: base64,
    sealedKey: z.string().max(4096),
  })
  .strict()

export const wrappedKeySchema = z.discriminatedUnion('kind', [keychainWrappedKeySchema, passphraseWrappedKeySchema])

export type KeychainWrappedKey = z.infer<typeof keychainWrappedKeySchema>
export type PassphraseWrappedKey = z.infer<typeof passphraseWrappedKeySchema>
export type WrappedKey = z.infer<typeof wrappedKeySchema>
export type ProtectorKind = WrappedKey['kind']

export interface KeyProtector {
  readonly kind: ProtectorKind
  wrap(dataKey: Buffer): Promise<WrappedKey>
  /** Resolves with the 32-byte data key, or rejects with a VaultError. */
  unwrap(wrapped: WrappedKey): Promise<Buffer>
}
