// A labelled form control with its hint and inline error wired up for assistive technology
// (aria-invalid, aria-describedby), so the error is announced with the field it belongs to.
import type { ReactNode } from 'react'
import { useId } from 'react'

export interface ControlProps {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

export interface FieldProps {
  label: ReactNode
  error?: string
  hint?: ReactNode
  /** Controls sit after the label; `aside` (e.g. a copy button) goes at the end of the label row. */
  aside?: ReactNode
  children(props: ControlProps): ReactNode
}

export function Field({ label, error, hint, aside, children }: FieldProps) {
  const id = useId()
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <div className="row">
        <label htmlFor={id}>{label}</label>
        {aside && (
          <>
            <span className="spacer" />
            {aside}
          </>
        )}
      </div>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error && (
        <span id={errorId} className="error">
          {error}
        </span>
      )}
      {hint && (
        <span id={hintId} className="hint">
          {hint}
        </span>
      )}
    </div>
  )
}
