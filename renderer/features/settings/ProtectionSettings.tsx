// Secret storage: which keychain backend or passphrase protects the vault; set up, change, lock.
import { useState } from 'react'
import { useStore } from '../../store/index'
import { describeProtection } from '../../store/selectors/vault'
import { taskOf } from '../../store/task'
import { LockIcon, ShieldAlertIcon, ShieldIcon } from '../../components/icons'
import { PassphraseDialog } from './PassphraseDialog'
import { VaultSetupChoices } from './VaultSetupChoices'

export function ProtectionSettings() {
  const vault = useStore((s) => s.vault)
  const change = useStore((s) => s.changeProtection)
  const lock = useStore((s) => s.lockVault)
  const notify = useStore((s) => s.notify)
  const [dialog, setDialog] = useState<'change' | 'keychain'>()
  // Lock now's state; the passphrase dialogs show their own action's.
  const locking = taskOf(useStore((s) => s.vaultTask), 'lock')
  if (!vault) return null
  const { text, tone } = describeProtection(vault)
  const p = vault.protection
  const initialised = vault.state !== 'uninitialised' && p.kind !== 'none'
  const keychainOk = vault.keychain.available && vault.keychain.secure
  const lockNow = async () => {
    // A refusal is kept in the vault slice and shown below.
    if (await lock().then(() => true, () => false)) notify({ tone: 'success', title: 'Secrets locked' })
  }
  const Icon = tone === 'ok' ? ShieldIcon : ShieldAlertIcon
  return (
    <section className="card settings-section" aria-labelledby="protection-title">
      <h2 id="protection-title" className="card-title">
        Secret storage
      </h2>
      <p className="protection-line" data-tone={tone} data-testid="protection-detail">
        <Icon size={16} /> {text}
      </p>
      {p.reason && <p className="muted">{p.reason}</p>}
      {p.previousBackend && (
        <p className="callout" data-tone="warn">
          The keychain changed since your secrets were stored: they were protected by <span className="mono">{p.previousBackend}</span>, now <span className="mono">{p.backend ?? 'none'}</span>. Connections whose secrets cannot be read show “Needs repair”.
        </p>
      )}
      {!keychainOk && p.kind !== 'passphrase' && (
        <p className="callout" data-tone="bad">
          This computer’s keychain{vault.keychain.backend ? ` (${vault.keychain.backend})` : ''} does not really protect secrets: anyone who can read your files could read them. Set a passphrase instead.
        </p>
      )}
      {!initialised && <VaultSetupChoices compact onDone={() => notify({ tone: 'success', title: 'Secret storage is set up' })} />}
      <div className="row wrap">
        {initialised && p.kind === 'os-keychain' && (
          <button type="button" className={p.secure ? 'btn' : 'btn btn-primary'} onClick={() => setDialog('change')}>
            Use a passphrase instead…
          </button>
        )}
        {initialised && p.kind === 'passphrase' && (
          <>
            <button type="button" className="btn" onClick={() => void lockNow()} disabled={vault.state === 'locked'}>
              <LockIcon size={14} /> Lock now
            </button>
            <button type="button" className="btn" onClick={() => setDialog('change')} disabled={vault.state === 'locked'}>
              Change passphrase…
            </button>
            {keychainOk && (
              <button type="button" className="btn" disabled={vault.state === 'locked'} onClick={() => setDialog('keychain')}>
                Use the OS keychain instead…
              </button>
            )}
          </>
        )}
      </div>
      {locking.error && (
        <p className="callout" data-tone="bad" role="alert">
          {locking.error}
        </p>
      )}
      <PassphraseDialog
        open={dialog === 'keychain'}
        onOpenChange={(open) => !open && setDialog(undefined)}
        title="Remove the passphrase"
        description="Your secrets will be protected by the OS keychain instead, and used without asking for the passphrase. Zoom Connect asks you to confirm in a window of its own."
        confirmLabel="Use the OS keychain"
        askCurrent
        askNew={false}
        action="changeProtection"
        onSubmit={async (_passphrase, currentPassphrase) => {
          await change({ protector: 'os-keychain', currentPassphrase: currentPassphrase ?? '' })
          notify({ tone: 'success', title: 'Secrets are protected by the OS keychain' })
        }}
      />
      <PassphraseDialog
        open={dialog === 'change'}
        onOpenChange={(open) => !open && setDialog(undefined)}
        title={p.kind === 'passphrase' ? 'Change the passphrase' : 'Protect secrets with a passphrase'}
        description="Your client secrets and tokens are encrypted with a key derived from this passphrase. You type it each time Zoom Connect starts."
        confirmLabel={p.kind === 'passphrase' ? 'Change passphrase' : 'Set passphrase'}
        askCurrent={p.kind === 'passphrase'}
        action="changeProtection"
        onSubmit={async (passphrase, currentPassphrase) => {
          await change(currentPassphrase === undefined ? { protector: 'passphrase', passphrase } : { protector: 'passphrase', passphrase, currentPassphrase })
          notify({ tone: 'success', title: 'Secrets are protected by your passphrase' })
        }}
      />
    </section>
  )
}
