// The first choice of secret storage, offered wherever it is needed (first run, the editor when
// main answers VAULT_NOT_INITIALISED, settings): the OS keychain when it is real protection, or a
// passphrase.
import { useState } from 'react'
import { useStore } from '../../store/index'
import { taskOf } from '../../store/task'
import { PassphraseDialog } from './PassphraseDialog'

export function VaultSetupChoices({ onDone, compact = false }: { onDone?: () => void; compact?: boolean }) {
  const vault = useStore((s) => s.vault)
  const setup = useStore((s) => s.setupVault)
  const [passphraseOpen, setPassphraseOpen] = useState(false)
  const task = useStore((s) => s.vaultTask)
  if (!vault) return null
  const { pending } = taskOf(task, 'setup')
  // The passphrase dialog shows its own failure; the callout here is for the keychain choice.
  const error = passphraseOpen ? undefined : taskOf(task, 'setup').error
  const keychainOk = vault.keychain.available && vault.keychain.secure
  const useKeychain = async () => {
    // A refusal is kept in the vault slice and shown below.
    if (await setup({ protector: 'os-keychain' }).then(() => true, () => false)) onDone?.()
  }
  return (
    <div className="stack" style={{ gap: 8 }}>
      {!compact && (
        <p className="muted">
          {keychainOk
            ? `Your secrets can be protected by this computer’s keychain (${vault.keychain.backend ?? 'system'}), or by a passphrase you type at each start.`
            : `This computer’s keychain${vault.keychain.backend ? ` (${vault.keychain.backend})` : ''} is not real protection here: choose a passphrase.`}
        </p>
      )}
      <div className="row wrap">
        {keychainOk && (
          <button type="button" className="btn btn-primary" disabled={pending} onClick={() => void useKeychain()}>
            Use the OS keychain
          </button>
        )}
        <button type="button" className={keychainOk ? 'btn' : 'btn btn-primary'} disabled={pending} onClick={() => setPassphraseOpen(true)}>
          Set a passphrase…
        </button>
      </div>
      {error && (
        <p className="callout" data-tone="bad" role="alert">
          {error}
        </p>
      )}
      <PassphraseDialog
        open={passphraseOpen}
        onOpenChange={setPassphraseOpen}
        title="Protect secrets with a passphrase"
        description="Your client secrets and tokens are encrypted with a key derived from this passphrase. You type it each time Zoom Connect starts."
        confirmLabel="Set passphrase"
        action="setup"
        onSubmit={async (passphrase) => {
          await setup({ protector: 'passphrase', passphrase })
          onDone?.()
        }}
      />
    </div>
  )
}
