import { AppError, type ErrorCode } from '../../common/errors'

/** The codes the vault throws; all of them cross the bridge as they are. */
export type VaultErrorCode = Extract<
  ErrorCode,
  'VAULT_LOCKED' | 'VAULT_BAD_PASSPHRASE' | 'VAULT_DECRYPT_FAILED' | 'VAULT_PROTECTION_INSECURE' | 'VAULT_NOT_INITIALISED' | 'CONFLICT' | 'VALIDATION'
>

/** Finer distinctions within a code, for main-side decisions and tests; the message already explains them. */
export type VaultErrorReason =
  | 'backend-changed' // the keychain backend differs from the one that wrapped the key
  | 'keychain-failed' // the keychain refused to encrypt or decrypt
  | 'key-mismatch' // a key was recovered but it is not this vault's key
  | 'damaged' // stored bytes are malformed or fail authentication
  | 'unsupported-format' // written by a format this build does not know
  | 'needs-repair' // refusing to replace a secret that cannot be decrypted
  | 'binding-mismatch' // the profile's fields are not the ones the secret was saved for
  | 'already-initialised'
  | 'passphrase-required'

export interface VaultErrorFacts {
  reason?: VaultErrorReason
  profileId?: string
  field?: string
  previousBackend?: string
  cause?: unknown
}

/** A vault failure. Messages name profiles, fields and backends, never a secret or a passphrase. */
export class VaultError extends AppError {
  declare readonly code: VaultErrorCode
  readonly reason?: VaultErrorReason
  readonly profileId?: string
  readonly field?: string
  readonly previousBackend?: string

  constructor(code: VaultErrorCode, message: string, facts: VaultErrorFacts = {}) {
    super(code, message)
    if (facts.reason !== undefined) this.reason = facts.reason
    if (facts.profileId !== undefined) this.profileId = facts.profileId
    if (facts.field !== undefined) this.field = facts.field
    if (facts.previousBackend !== undefined) this.previousBackend = facts.previousBackend
    if (facts.cause !== undefined) this.cause = facts.cause
  }
}

export const isVaultError = (error: unknown, code?: VaultErrorCode): error is VaultError =>
  error instanceof VaultError && (code === undefined || error.code === code)
