// vault.json: the wrapped data key, the sealed secrets per profile, and an archive of ciphertexts
// that were set aside instead of deleted. Only ciphertext is ever stored here.
import { z } from 'zod'
import { openDocument, type DocumentFile, type DocumentProblem } from '../store'
import { wrappedKeySchema } from './key-protector'
import { isRecord } from '../../common/is-record'

export const VAULT_FILE_NAME = 'vault.json'
export const VAULT_SCHEMA_VERSION = 3

export const SECRET_FIELDS = ['clientSecret', 'tokens', 'webhookSecret'] as const
/**
 * `tokens` is the JSON of a whole token set, sealed and written at once, so a set is never half-written.
 * `webhookSecret` is the secret token of the app's webhooks (the Events tab's webhook helper).
 */
export type SecretField = (typeof SECRET_FIELDS)[number]

// A malformed ciphertext is not a schema error: it is reported per field (repair state), so one
// damaged value never causes the whole vault file to be moved aside.
const sealed = z.string().max(1024 * 1024)
const secretSlotsSchema = z.object({ clientSecret: sealed.optional(), tokens: sealed.optional(), webhookSecret: sealed.optional() }).strict()
export type SecretSlots = z.infer<typeof secretSlotsSchema>

const keySchema = z
  .object({
    wrapped: wrappedKeySchema,
    /** A known plaintext sealed with the data key: proves an unwrapped key is this vault's key. */
    check: z.string().max(1024),
    createdAt: z.string().max(64),
  })
  .strict()
export type VaultKeyRecord = z.infer<typeof keySchema>

const archiveEntrySchema = z
  .object({
    at: z.string().max(64),
    reason: z.enum(['replaced', 'reset']),
    /** The key the secrets below were sealed with, so the entry stays decryptable on its own. */
    key: keySchema.nullable(),
    secrets: z.record(z.string(), secretSlotsSchema),
  })
  .strict()
export type ArchiveEntry = z.infer<typeof archiveEntrySchema>

export const vaultDocumentSchema = z
  .object({
    key: keySchema.nullable(),
    secrets: z.record(z.string(), secretSlotsSchema),
    /** Per profile: the MAC of the profile fields its secrets are bound to (profile-binding.ts). */
    bindings: z.record(z.string(), z.string().max(128)),
    /**
     * The MAC of the whole `bindings` table (profile-binding.ts), so an entry cannot be removed
     * unnoticed. null until the vault is unlocked once by a version that writes it.
     */
    bindingsMac: z.string().max(128).nullable(),
    archive: z.array(archiveEntrySchema),
  })
  .strict()
export type VaultDocument = z.infer<typeof vaultDocumentSchema>

export const emptyVaultDocument = (): VaultDocument => ({ key: null, secrets: {}, bindings: {}, bindingsMac: null, archive: [] })

// Neither migration below trusts anything: the file's schema version can be rolled back by anyone.
// Whether a vault's secrets are bound is decided by its key check (vault.ts), which only the key
// can write; the vault binds secrets stored before bindings existed once, at its first unlock.
/** Version 2 adds the profile bindings. */
const addBindings = { to: 2, migrate: (data: unknown) => (isRecord(data) ? { ...data, bindings: {} } : data) }
/** Version 3 adds the MAC of the bindings table. */
const addBindingsMac = { to: 3, migrate: (data: unknown) => (isRecord(data) ? { ...data, bindingsMac: null } : data) }

export function openVaultDocument(options: { dir: string; onProblem?: (problem: DocumentProblem) => void; now?: () => Date }): Promise<DocumentFile<VaultDocument>> {
  return openDocument({
    dir: options.dir,
    name: VAULT_FILE_NAME,
    schema: vaultDocumentSchema,
    defaults: emptyVaultDocument,
    version: VAULT_SCHEMA_VERSION,
    migrations: [addBindings, addBindingsMac],
    ...(options.onProblem ? { onProblem: options.onProblem } : {}),
    ...(options.now ? { now: options.now } : {}),
  })
}

/** Own-property lookup: profile ids are keys of plain objects, and `__proto__` must stay a key. */
export function slotsOf(secrets: Record<string, SecretSlots>, profileId: string): SecretSlots | undefined {
  return Object.hasOwn(secrets, profileId) ? secrets[profileId] : undefined
}
