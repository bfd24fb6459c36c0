import type { VaultStatus } from '../../../common/contract'
import { AppError } from '../../../common/errors'
import type { DialogPort, EventSink } from '../../ports'
import type { ProtectionTarget, Vault } from '../../vault/vault'
import type { HandlersFor } from '../types'

/**
 * vault.* channels; every change of state is also pushed as a 'vault.status' event. Every change
 * of protection needs a yes in main's own dialog, which a script in the renderer cannot give;
 * taking the vault away from its passphrase also needs the passphrase (the vault checks it).
 */
/** `beforeLock`: lets renewals in flight finish and reach the vault before the key is dropped. */
export function createVaultHandlers(vault: Vault, events: EventSink, vaultChanged: () => void, dialogs: Pick<DialogPort, 'confirm'>, beforeLock: () => Promise<void> = async () => undefined): HandlersFor<'vault'> {
  const announce = (status: VaultStatus) => {
    // Connection statuses depend on the vault (locked, needs repair): let them catch up first.
    vaultChanged()
    events.emit('vault.status', status)
    return status
  }
  const confirmChange = (change: { from: ProtectionTarget['kind']; to: ProtectionTarget['kind'] }) => dialogs.confirm(changeQuestion(change, vault.status().keychain.backend))
  return {
    'vault.status': () => vault.status(),
    'vault.setup': async (input) => announce(input.protector === 'passphrase' ? await vault.setupWithPassphrase(input.passphrase) : await vault.setupWithKeychain()),
    'vault.unlock': async ({ passphrase }) => announce(await vault.unlock(passphrase)),
    'vault.lock': async () => {
      await beforeLock()
      return announce(vault.lock())
    },
    'vault.startOver': async (input) => {
      if (!(await dialogs.confirm(START_OVER_QUESTION))) throw new AppError('CANCELLED', 'Nothing was changed.')
      await beforeLock()
      await vault.reset()
      // Told while the vault has no key, so no token read with the old one stays in memory.
      vaultChanged()
      return announce(input.protector === 'passphrase' ? await vault.setupWithPassphrase(input.passphrase) : await vault.setupWithKeychain())
    },
    'vault.changeProtection': async (input) => {
      const target: ProtectionTarget =
        input.protector === 'passphrase'
          ? { kind: 'passphrase', passphrase: input.passphrase, currentPassphrase: input.currentPassphrase }
          : { kind: 'os-keychain', currentPassphrase: input.currentPassphrase }
      return announce(await vault.changeProtection(target, { confirmChange }))
    },
  }
}

/** A forgotten passphrase: starting over loses what it protected, so main asks itself. */
const START_OVER_QUESTION: Parameters<DialogPort['confirm']>[0] = {
  title: 'Start over without the passphrase',
  message: 'Forget the passphrase and the secrets it protects?',
  detail:
    'Your connections stay, but their client secrets and tokens can no longer be read: enter each Client Secret again (Edit) and connect again. What the old passphrase protected is kept sealed in the vault’s archive. If you did not just ask for this, choose Cancel.',
  confirmLabel: 'Start over',
}

function changeQuestion({ from, to }: { from: ProtectionTarget['kind']; to: ProtectionTarget['kind'] }, backend: string | undefined): Parameters<DialogPort['confirm']>[0] {
  if (from === 'os-keychain' && to === 'passphrase') {
    return {
      title: 'Protect with a passphrase',
      message: 'Protect your secrets with a passphrase from now on?',
      detail: 'Zoom Connect will ask for the passphrase you just chose each time it starts; without it your client secrets and tokens cannot be read. If you did not just ask for this, choose Cancel.',
      confirmLabel: 'Use passphrase',
    }
  }
  if (from === 'os-keychain') {
    return {
      title: 'Protect with the OS keychain',
      message: 'Protect your secrets with the OS keychain again?',
      detail: `Your client secrets and tokens stay protected by the OS keychain${backend ? ` (${backend})` : ''}. If you did not just ask for this, choose Cancel.`,
      confirmLabel: 'Continue',
    }
  }
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
