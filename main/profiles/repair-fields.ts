import type { SecretField, SecretStore } from '../tokens/secret-store'

/**
 * The stored secrets of a profile that need repair (cannot be decrypted, or were saved for other
 * endpoints than the profile now names). Known only while the vault's key is loaded: listing
 * profiles or deriving their badges must not prompt the keychain at start-up.
 */
export function repairFields(secrets: Pick<SecretStore, 'hasSecret' | 'loadedRepairState'>, profileId: string): SecretField[] {
  if (!secrets.hasSecret(profileId, 'clientSecret') && !secrets.hasSecret(profileId, 'tokens')) return []
  try {
    return secrets.loadedRepairState(profileId)
  } catch {
    return []
  }
}
