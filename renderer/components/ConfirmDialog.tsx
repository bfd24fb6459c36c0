// A confirmation for destructive actions (Radix AlertDialog: focus trapped, Escape cancels).
import { AlertDialog } from 'radix-ui'
import type { ReactNode } from 'react'
import { useOpenerFocus } from './use-opener-focus'
import { usePendingAction } from './use-pending-action'

export interface ConfirmDialogProps {
  open: boolean
  onOpenChange(open: boolean): void
  title: string
  description: ReactNode
  confirmLabel: string
  /** Runs the action; the dialog stays open with the error shown if it throws. */
  onConfirm(): Promise<void> | void
  tone?: 'danger' | 'primary'
}

export function ConfirmDialog({ open, onOpenChange, title, description, confirmLabel, onConfirm, tone = 'danger' }: ConfirmDialogProps) {
  const { pending, error, run } = usePendingAction()
  const returnFocus = useOpenerFocus(open)
  const confirm = async () => {
    if (await run(onConfirm)) onOpenChange(false)
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
