// The Client Secret is write-only: a stored secret is shown only as "stored", never read back or
// pre-filled; "Replace" opens an empty input, "Keep stored secret" goes back. A secret with an
// error is always the input, so the error sits on a control that can be marked and focused.
import { Field } from '../../components/Field'
import { LockIcon } from '../../components/icons'
import type { SecretInput } from './draft'

export interface SecretFieldProps {
  hasStoredSecret: boolean
  /** The stored secret could not be decrypted: it must be typed again. */
  unreadable: boolean
  /** Why the stored secret cannot be kept (the Client ID or the app's endpoints changed). */
  mustReenter?: string
  value: SecretInput
  onChange(value: SecretInput): void
  onBlur?(): void
  error?: string
}

export function SecretField({ hasStoredSecret, unreadable, mustReenter, value, onChange, onBlur, error }: SecretFieldProps) {
  // A secret bound to another Client ID or other endpoints is never sent to the new ones.
  const canKeep = hasStoredSecret && !unreadable && !mustReenter
  // A stored secret with a problem (Zoom refused it) is shown as the input, marked invalid, so the
  // footer's message points at a field Save can focus; "Keep stored secret" stays offered.
  const keeping = canKeep && value.mode === 'keep' && !error
  const hint = unreadable
    ? 'The stored secret can no longer be decrypted on this computer. Paste it again from the Zoom Marketplace.'
    : mustReenter
      ? `Enter the Client Secret again: ${mustReenter}. The stored one is only ever sent to the app it was entered for.`
      : 'Stored encrypted on this computer. It is never shown again, not even to you.'
  if (keeping) {
    return (
      <div className="field">
        <span className="field-label" id="client-secret-label">
          Client Secret
        </span>
        <div className="secret-stored" role="group" aria-labelledby="client-secret-label">
          <LockIcon size={14} />
          <span data-testid="secret-stored">Stored — encrypted on this computer</span>
          <span className="spacer" />
          <button type="button" className="btn btn-small" onClick={() => onChange({ mode: 'replace', value: '' })}>
            Replace secret
          </button>
        </div>
      </div>
    )
  }
  return (
    <Field
      label="Client Secret"
      error={error}
      hint={canKeep ? 'Leave empty to keep the stored secret.' : hint}
      aside={
        canKeep ? (
          <button type="button" className="btn btn-ghost btn-small" onClick={() => onChange({ mode: 'keep', value: '' })}>
            Keep stored secret
          </button>
        ) : undefined
      }
    >
      {(props) => (
        <input
          {...props}
          className="input mono"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={canKeep ? 'New Client Secret' : 'Paste the Client Secret'}
          value={value.value}
          onChange={(e) => onChange({ mode: 'replace', value: e.target.value })}
          onBlur={onBlur}
        />
      )}
    </Field>
  )
}
