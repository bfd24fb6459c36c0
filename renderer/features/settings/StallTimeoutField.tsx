// "Treat a download as stalled after N seconds": a number the person types, checked against the
// same bounds main enforces, saved when it is valid and the field is left (or Enter is pressed).
import { useState } from 'react'
import { DOWNLOAD_STALL_SECONDS } from '../../../common/contract/index'
import { Field } from '../../components/Field'
import { parseStallSeconds } from './stall-seconds'

const { min, max } = DOWNLOAD_STALL_SECONDS

/** Render it with `key={seconds}`: a value saved (or refused and rolled back) starts the field afresh. */
export function StallTimeoutField({ seconds, onSave }: { seconds: number; onSave(seconds: number): void }) {
  const [text, setText] = useState(String(seconds))
  const [error, setError] = useState<string>()
  const commit = () => {
    const parsed = parseStallSeconds(text)
    if (!parsed.ok) return setError(parsed.message)
    setError(undefined)
    if (parsed.seconds !== seconds) onSave(parsed.seconds)
  }
  return (
    <Field
      label="Treat a download as stalled after (seconds)"
      error={error}
      hint={`A download that receives nothing for this long is dropped and resumed from where it stopped. ${min} to ${max} seconds; default ${DOWNLOAD_STALL_SECONDS.default}.`}
    >
      {(p) => (
        <input
          {...p}
          className="input"
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={text}
          onChange={(e) => {
            setText(e.target.value)
            if (error !== undefined && parseStallSeconds(e.target.value).ok) setError(undefined)
          }}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              commit()
            }
          }}
        />
      )}
    </Field>
  )
}
