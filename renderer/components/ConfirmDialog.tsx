// A confirmation for destructive actions (Radix AlertDialog: focus trapped, Escape cancels). The
// action's running and failed state belong to the store slice that runs it: the caller passes them.
import { AlertDialog } from 'radix-ui'
import type { ReactNode } from 'react'
import { useOpenerFocus } from './use-opener-focus'

export interface ConfirmDialogProps {
  open: boolean
  onOpenChange(open: boolean): void
  title: string
  description: ReactNode
  confirmLabel: string
  /** Runs the action; the dialog closes when it resolves and stays open (showing `error`) when it rejects. */
  onConfirm(): Promise<unknown>
  /** The action is running: both buttons wait, the dialog cannot be dismissed. */
  pending: boolean
  /** Why the action failed, from the slice that ran it. */
  error: string | undefined
  tone?: 'danger' | 'primary'
  /** Where focus goes on close when the control that opened it is gone (the action removed it). */
  returnFocusTo?: () => HTMLElement | null
}

export function ConfirmDialog({ open, onOpenChange, title, description, confirmLabel, onConfirm, pending, error, tone = 'danger', returnFocusTo }: ConfirmDialogProps) {
  const returnFocus = useOpenerFocus(open, returnFocusTo)
  const confirm = async () => {
    // A failure is kept by the action's slice and comes back as `error`.
    if (await onConfirm().then(() => true, () => false)) onOpenChange(false)
  }
  return (
    <AlertDialog.Root open={open} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog" onCloseAutoFocus={returnFocus}>
          <AlertDialog.Title className="dialog-title">{title}</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="dialog-description">{description}</div>
          </AlertDialog.Description>
          {error && (
            <p role="alert" className="callout" data-tone="bad">
              {error}
            </p>
          )}
          <div className="dialog-actions">
            <AlertDialog.Cancel className="btn" disabled={pending}>
              Cancel
            </AlertDialog.Cancel>
            {/* Not AlertDialog.Action: that closes at once, before the action could fail. */}
            <button type="button" className={tone === 'danger' ? 'btn btn-danger' : 'btn btn-primary'} disabled={pending} onClick={() => void confirm()}>
              {pending ? 'Working…' : confirmLabel}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  )
}
