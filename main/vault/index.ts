// The vault: envelope encryption of client secrets and token sets, with a KeyProtector port.
export { Vault, openVault, type ProtectionTarget, type SetSecretOptions, type VaultOptions } from './vault'
export { VaultError, isVaultError, type VaultErrorCode, type VaultErrorReason } from './vault-error'
export type { KeyProtector, WrappedKey, ProtectorKind, KeychainWrappedKey, PassphraseWrappedKey } from './key-protector'
export { createOsKeychainProtector, assessKeychain, type OsKeychainProtector, type KeychainAssessment, type SafeStorageLike } from './os-keychain-protector'
export { createPassphraseProtector, DEFAULT_SCRYPT_COST, type ScryptCost, type PassphraseProtectorOptions } from './passphrase-protector'
export { SECRET_FIELDS, VAULT_FILE_NAME, openVaultDocument, type SecretField, type VaultDocument } from './vault-document'
export { SEALED_PREFIX } from './sealed-box'
