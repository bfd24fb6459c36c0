// Shown instead of a connection while the store is locked: a passphrase-protected store asks for
// its passphrase; a keychain one (which main unlocks at start) only when the keychain did not give
// its key back, and then it says so and offers to ask the keychain again.
import { useId, useState } from 'react'
import { useStore } from '../../store/index'
import { taskOf } from '../../store/task'
import { LockIcon } from '../../components/icons'

export function UnlockScreen() {
  const keychain = useStore((s) => s.vault?.protection.kind === 'os-keychain')
  return keychain ? <KeychainUnlock /> : <PassphraseUnlock />
}

function KeychainUnlock() {
  const unlock = useStore((s) => s.unlockVault)
  const { pending, error } = taskOf(useStore((s) => s.vaultTask), 'unlock')
  const id = useId()
  return (
    <div className="lock-screen">
      <form
        className="card lock-card"
        onSubmit={(e) => {
          e.preventDefault()
          // A refusal is kept in the vault slice (shown below).
          void unlock().catch(() => undefined)
        }}
        aria-labelledby={`${id}-title`}
      >
        <div className="row">
          <LockIcon size={20} />
          <h1 id={`${id}-title`}>Secrets are locked</h1>
        </div>
        <p className="muted">Your client secrets and tokens are encrypted with a key kept in this computer’s keychain, and the keychain has not given it back yet. Unlock your keychain (or allow Zoom Connect when it asks), then try again.</p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={pending} autoFocus>
          {pending ? 'Asking the keychain…' : 'Try again'}
        </button>
      </form>
    </div>
  )
}

function PassphraseUnlock() {
  const unlock = useStore((s) => s.unlockVault)
  const [passphrase, setPassphrase] = useState('')
  const { pending, error } = taskOf(useStore((s) => s.vaultTask), 'unlock')
  const id = useId()
  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    // A refusal is kept in the vault slice (shown below); nothing else to do with it here.
    await unlock(passphrase).catch(() => undefined)
    // Never keep the passphrase in memory longer than needed.
    setPassphrase('')
  }
  return (
    <div className="lock-screen">
      <form className="card lock-card" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
        <div className="row">
          <LockIcon size={20} />
          <h1 id={`${id}-title`}>Secrets are locked</h1>
        </div>
        <p className="muted">Your client secrets and tokens are encrypted with your passphrase. Enter it to use your connections.</p>
        <div className="field">
          <label htmlFor={`${id}-pass`}>Passphrase</label>
          <input
            id={`${id}-pass`}
            className="input"
            type="password"
            autoComplete="current-password"
            autoFocus
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-err` : undefined}
          />
          {error && (
            <span id={`${id}-err`} className="error" role="alert">
              {error}
            </span>
          )}
        </div>
        <button type="submit" className="btn btn-primary" disabled={pending || passphrase.length === 0}>
          {pending ? 'Unlocking…' : 'Unlock'}
        </button>
      </form>
      <StartOver />
    </div>
  )
}

/**
 * A forgotten passphrase is not a dead end: the vault can start over, with a new passphrase or the
 * OS keychain. The connections stay; their secrets are lost, which main's own dialog says first.
 */
function StartOver() {
  const startOver = useStore((s) => s.startVaultOver)
  const [open, setOpen] = useState(false)
  const [passphrase, setPassphrase] = useState('')
  const { pending, error } = taskOf(useStore((s) => s.vaultTask), 'startOver')
  const id = useId()
  const run = async (protector: Parameters<typeof startOver>[0]) => {
    // Cancelled in main's dialog or refused: said below (a cancel says nothing was changed).
    await startOver(protector).catch(() => undefined)
    setPassphrase('')
  }
  if (!open)
    return (
      <button type="button" className="btn btn-ghost" onClick={() => setOpen(true)}>
        Forgot the passphrase?
      </button>
    )
  return (
    <section className="card lock-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Start over</h2>
      <p className="muted">Without the passphrase your client secrets and tokens cannot be read. You can start over: your connections stay, and you enter each one’s Client Secret again and connect again.</p>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault()
          void run({ protector: 'passphrase', passphrase })
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-new`}>New passphrase</label>
          <input id={`${id}-new`} className="input" type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        </div>
        <div className="row wrap">
          <button type="submit" className="btn" disabled={pending || passphrase.length < 8}>
            Start over with this passphrase
          </button>
          <button type="button" className="btn" disabled={pending} onClick={() => void run({ protector: 'os-keychain' })}>
            Start over with the OS keychain
          </button>
        </div>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
