import type { VaultStatus } from '../../../common/contract'
import type { DialogPort, EventSink } from '../../ports'
import type { ProtectionTarget, Vault } from '../../vault/vault'
import type { HandlersFor } from '../types'

/**
 * vault.* channels; every change of state is also pushed as a 'vault.status' event. Taking the
 * vault away from its passphrase needs the passphrase (the vault checks it) and then a yes in
 * main's own dialog, which a script in the renderer cannot give.
 */
/** `beforeLock`: lets renewals in flight finish and reach the vault before the key is dropped. */
export function createVaultHandlers(vault: Vault, events: EventSink, vaultChanged: () => void, dialogs: Pick<DialogPort, 'confirm'>, beforeLock: () => Promise<void> = async () => undefined): HandlersFor<'vault'> {
  const announce = (status: VaultStatus) => {
    // Connection statuses depend on the vault (locked, needs repair): let them catch up first.
    vaultChanged()
    events.emit('vault.status', status)
    return status
  }
  const confirmLeavingPassphrase = (to: ProtectionTarget['kind']) => dialogs.confirm(leavingPassphraseQuestion(to, vault.status().keychain.backend))
  return {
    'vault.status': () => vault.status(),
    'vault.setup': async (input) => announce(input.protector === 'passphrase' ? await vault.setupWithPassphrase(input.passphrase) : await vault.setupWithKeychain()),
    'vault.unlock': async ({ passphrase }) => announce(await vault.unlock(passphrase)),
    'vault.lock': async () => {
      await beforeLock()
      return announce(vault.lock())
    },
    'vault.changeProtection': async (input) => {
      const target: ProtectionTarget =
        input.protector === 'passphrase'
          ? { kind: 'passphrase', passphrase: input.passphrase, currentPassphrase: input.currentPassphrase }
          : { kind: 'os-keychain', currentPassphrase: input.currentPassphrase }
      return announce(await vault.changeProtection(target, { confirmLeavingPassphrase }))
    },
  }
}

function leavingPassphraseQuestion(to: ProtectionTarget['kind'], backend: string | undefined): Parameters<DialogPort['confirm']>[0] {
  if (to === 'os-keychain') {
    return {
      title: 'Remove the passphrase',
      message: 'Stop protecting your secrets with your passphrase?',
      detail: `Your client secrets and tokens will be protected by the OS keychain${backend ? ` (${backend})` : ''} instead: Zoom Connect will use them without asking for the passphrase. If you did not just ask for this, choose Cancel.`,
      confirmLabel: 'Remove passphrase',
    }
  }
  return {
    title: 'Change the passphrase',
    message: 'Replace the passphrase that protects your secrets?',
    detail: 'From now on only the new passphrase unlocks your client secrets and tokens. If you did not just ask for this, choose Cancel.',
    confirmLabel: 'Change passphrase',
  }
}
