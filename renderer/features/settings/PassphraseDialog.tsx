// Choosing a passphrase (set up or change): typed twice, at least 8 characters, never kept after use.
// Changing an existing passphrase also asks for the current one (main checks it), and so does
// leaving the passphrase for the OS keychain (then only the current one is asked). Whether the
// vault action runs, and why it failed, is read from the vault slice; only the typing is kept here.
import { Dialog } from 'radix-ui'
import { useState } from 'react'
import { Field } from '../../components/Field'
import { useOpenerFocus } from '../../components/use-opener-focus'
import { useStore } from '../../store/index'
import type { VaultAction } from '../../store/slices/vault'
import { taskOf } from '../../store/task'

export interface PassphraseDialogProps {
  open: boolean
  onOpenChange(open: boolean): void
  title: string
  description: string
  confirmLabel: string
  /** Ask for the current passphrase too (changing a passphrase); it is passed as `current`. */
  askCurrent?: boolean
  /** False: only the current passphrase is asked (removing it); `passphrase` is then ''. */
  askNew?: boolean
  /** The vault action `onSubmit` runs, whose running and failed state the dialog shows. */
  action: Extract<VaultAction, 'setup' | 'changeProtection'>
  /** Runs the vault action; the dialog closes when it resolves and shows the slice's error when it rejects. */
  onSubmit(passphrase: string, current?: string): Promise<void>
}

const MIN_LENGTH = 8

export function PassphraseDialog({ open, onOpenChange, title, description, confirmLabel, askCurrent = false, askNew = true, action, onSubmit }: PassphraseDialogProps) {
  const [current, setCurrent] = useState('')
  const [first, setFirst] = useState('')
  const [second, setSecond] = useState('')
  const [submitted, setSubmitted] = useState(false)
  const { pending, error } = taskOf(useStore((s) => s.vaultTask), action)
  const dismissError = useStore((s) => s.dismissVaultError)
  const returnFocus = useOpenerFocus(open)
  const tooShort = askNew && first.length < MIN_LENGTH ? `Use at least ${MIN_LENGTH} characters` : undefined
  const mismatch = askNew && second !== first ? 'The two passphrases differ' : undefined
  const currentMissing = askCurrent && current === '' ? 'Enter the current passphrase' : undefined
  const reset = () => {
    setCurrent('')
    setFirst('')
    setSecond('')
    setSubmitted(false)
    dismissError(action)
  }
  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    setSubmitted(true)
    if (currentMissing || tooShort || mismatch) return
    // A refusal is kept in the vault slice and shown below.
    if (await onSubmit(first, askCurrent ? current : undefined).then(() => true, () => false)) {
      reset()
      onOpenChange(false)
    }
  }
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        if (pending) return
        if (!next) reset()
        onOpenChange(next)
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" onCloseAutoFocus={returnFocus}>
          <Dialog.Title className="dialog-title">{title}</Dialog.Title>
          <Dialog.Description className="dialog-description">{description}</Dialog.Description>
          <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
            {askCurrent && (
              <Field label="Current passphrase" error={submitted ? currentMissing : undefined}>
                {(p) => <input {...p} className="input" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />}
              </Field>
            )}
            {askNew && (
              <>
                <Field label="New passphrase" error={submitted ? tooShort : undefined} hint="There is no way to recover it: if you forget it, you reconnect every connection.">
                  {(p) => <input {...p} className="input" type="password" autoComplete="new-password" value={first} onChange={(e) => setFirst(e.target.value)} />}
                </Field>
                <Field label="Repeat the passphrase" error={submitted && !tooShort ? mismatch : undefined}>
                  {(p) => <input {...p} className="input" type="password" autoComplete="new-password" value={second} onChange={(e) => setSecond(e.target.value)} />}
                </Field>
              </>
            )}
            {error && (
              <p className="callout" data-tone="bad" role="alert">
                {error}
              </p>
            )}
            <div className="dialog-actions">
              <Dialog.Close className="btn" disabled={pending}>
                Cancel
              </Dialog.Close>
              <button type="submit" className="btn btn-primary" disabled={pending}>
                {pending ? 'Working…' : confirmLabel}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
