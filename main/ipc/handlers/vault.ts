import type { VaultStatus } from '../../../common/contract'
import type { EventSink } from '../../ports'
import type { Vault } from '../../vault/vault'
import type { HandlersFor } from '../types'

/** vault.* channels; every change of state is also pushed as a 'vault.status' event. */
export function createVaultHandlers(vault: Vault, events: EventSink, vaultChanged: () => void): HandlersFor<'vault'> {
  const announce = (status: VaultStatus) => {
    // Connection statuses depend on the vault (locked, needs repair): let them catch up first.
    vaultChanged()
    events.emit('vault.status', status)
    return status
  }
  return {
    'vault.status': () => vault.status(),
    'vault.setup': async (input) => announce(input.protector === 'passphrase' ? await vault.setupWithPassphrase(input.passphrase) : await vault.setupWithKeychain()),
    'vault.unlock': async ({ passphrase }) => announce(await vault.unlock(passphrase)),
    'vault.lock': () => announce(vault.lock()),
    'vault.changeProtection': async (input) =>
      announce(
        await vault.changeProtection(
          input.protector === 'passphrase' ? { kind: 'passphrase', passphrase: input.passphrase, currentPassphrase: input.currentPassphrase } : { kind: 'os-keychain' },
        ),
      ),
  }
}
