// The part of the vault (main/vault) that credentials need. Kept as a port so the token manager
// and profile service can be tested against any implementation; main/vault's Vault satisfies it.
export type SecretField = 'clientSecret' | 'tokens' | 'webhookSecret'

export interface SecretStore {
  /** Throws VAULT_LOCKED when locked, VAULT_DECRYPT_FAILED when the ciphertext cannot be read. */
  getSecret(profileId: string, field: SecretField): Promise<string | undefined>
  /** One atomic, durable write; resolves after it reached the disk. */
  setSecret(profileId: string, field: SecretField, value: string, options?: { replaceUndecryptable?: boolean }): Promise<void>
  /** Works while locked. */
  hasSecret(profileId: string, field: SecretField): boolean
  deleteSecret(profileId: string, field: SecretField): Promise<void>
  deleteProfile(profileId: string): Promise<void>
  /**
   * The secrets of a profile are bound to the canonical text of its security fields
   * (main/profiles/credential-binding.ts): `binder` gives it for a stored profile; getSecret
   * refuses (VAULT_DECRYPT_FAILED, 'binding-mismatch') while it differs from the bound one.
   * `previousRule` gives the text under the rule before, to carry older bindings over once.
   */
  setBinder(binder: (profileId: string) => string | undefined, previousRule?: (profileId: string) => string | undefined): void
  bind(profileId: string, binding: string): Promise<void>
  /** 'none': nothing bound and nothing stored yet (a new profile); stored secrets without a binding are a 'mismatch'. */
  checkBinding(profileId: string, binding: string): Promise<'match' | 'mismatch' | 'none'>
  /** Stored fields of the profile that cannot be decrypted (kept, never replaced silently). */
  repairState(profileId: string): Promise<SecretField[]>
  /** repairState only while the key is loaded, without loading it (empty otherwise): for statuses, which must not prompt the keychain. */
  loadedRepairState(profileId: string): SecretField[]
  status(): { state: 'uninitialised' | 'locked' | 'unlocked'; protection: { kind: string } }
}

/** Locked in a way only the person can undo (a passphrase vault); a keychain vault unlocks on use. */
export function needsUnlock(store: Pick<SecretStore, 'status'>): boolean {
  const status = store.status()
  return status.state === 'locked' && status.protection.kind === 'passphrase'
}
