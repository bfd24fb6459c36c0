// Shown instead of a connection while the passphrase-protected store is locked.
import { useId, useState } from 'react'
import { useStore } from '../../store/index'
import { taskOf } from '../../store/task'
import { LockIcon } from '../../components/icons'

export function UnlockScreen() {
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
    </div>
  )
}
