// How the secrets are protected, in words a person can act on.
import type { VaultStatus } from '../../../common/contract/index'
import type { Store } from '../types'

export const selectVault = (s: Store) => s.vault
export const selectVaultLocked = (s: Store) => s.vault?.state === 'locked'

export type ProtectionTone = 'ok' | 'warn' | 'bad'

export function describeProtection(vault: VaultStatus | undefined): { text: string; tone: ProtectionTone } {
  if (!vault) return { text: 'Checking secret storage…', tone: 'warn' }
  if (vault.state === 'locked') return { text: 'Locked — enter your passphrase to use your connections', tone: 'warn' }
  const p = vault.protection
  if (vault.state === 'uninitialised' || p.kind === 'none') {
    return vault.keychain.available && vault.keychain.secure
      ? { text: `Secrets will be protected by the OS keychain (${vault.keychain.backend ?? 'system'})`, tone: 'ok' }
      : { text: `Not protected${vault.keychain.backend ? `: ${vault.keychain.backend}` : ''} — set a passphrase`, tone: 'bad' }
  }
  if (p.kind === 'passphrase') return { text: 'Secrets protected by your passphrase', tone: 'ok' }
  if (!p.secure) return { text: `Not protected: ${p.backend ?? 'unknown backend'} — set a passphrase`, tone: 'bad' }
  return { text: `Secrets protected by the OS keychain (${p.backend ?? 'system'})`, tone: 'ok' }
}
