// The part of the vault (main/vault) that credentials need. Kept as a port so the token manager
// and profile service are tested against any implementation; the real Vault satisfies it.
export type SecretField = 'clientSecret' | 'tokens'

export interface SecretStore {
  /** Throws VaultError VAULT_LOCKED when locked, VAULT_DECRYPT_FAILED when the ciphertext cannot be read. */
  getSecret(profileId: string, field: SecretField): Promise<string | undefined>
  /** One atomic, durable write; resolves after it reached the disk. */
  setSecret(profileId: string, field: SecretField, value: string): Promise<void>
  hasSecret(profileId: string, field: SecretField): boolean
  deleteSecret(profileId: string, field: SecretField): Promise<void>
  deleteProfile(profileId: string): Promise<void>
  /** Fields of the profile whose ciphertext cannot be decrypted (kept, never replaced silently). */
  repairFields(profileId: string): SecretField[]
  isLocked(): boolean
}
