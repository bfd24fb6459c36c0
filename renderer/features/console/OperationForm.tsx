// The form of a documented operation's parameters: path parameters (filled into the path,
// required), query and header parameters typed from their schema, enums as choices, defaults
// shown, required ones marked. Query and header values are the draft's rows of those names.
import { useId } from 'react'
import type { ApiOperation } from '../../../common/zoom/api/types'
import type { ConsoleDraft } from '../../store/slices/console'
import { fieldProblem, fieldsOf, valueOf, withValue, type ParamField } from './operation-form'

const LOCATION_LABEL = { path: 'Path parameter', query: 'Query parameter', header: 'Header' } as const

function FieldInput({ field, value, onChange, id, describedBy }: { field: ParamField; value: string; onChange(value: string): void; id: string; describedBy: string }) {
  const common = {
    id,
    'aria-label': `${LOCATION_LABEL[field.in]} ${field.name}`,
    'aria-required': field.required || undefined,
    'aria-describedby': describedBy,
    className: 'input mono',
  }
  if (field.choices) {
    return (
      <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{field.defaultText ? `(default: ${field.defaultText})` : '(not set)'}</option>
        {field.choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    )
  }
  const numeric = field.kind === 'integer' || field.kind === 'number'
  return (
    <input
      {...common}
      type={numeric ? 'number' : field.kind === 'date' ? 'date' : 'text'}
      {...(numeric ? { step: field.kind === 'integer' ? 1 : 'any', ...(field.minimum !== undefined ? { min: field.minimum } : {}), ...(field.maximum !== undefined ? { max: field.maximum } : {}) } : {})}
      spellCheck={false}
      value={value}
      placeholder={field.defaultText || (field.kind === 'date-time' ? '2026-01-01T09:00:00Z' : field.name === 'userId' ? 'me, a user ID or an e-mail' : '')}
      onChange={(e) => onChange(e.target.value)}
    />
  )
}

export function OperationForm({ operation, draft, update }: { operation: ApiOperation; draft: ConsoleDraft; update(patch: Partial<ConsoleDraft>): void }) {
  const id = useId()
  const fields = fieldsOf(operation)
  if (fields.length === 0) return null
  const valueFor = (field: ParamField) => (field.in === 'path' ? (draft.pathParams[field.name] ?? '') : valueOf(field.in === 'query' ? draft.query : draft.headers, field.name))
  const set = (field: ParamField, value: string) => {
    if (field.in === 'path') update({ pathParams: { ...draft.pathParams, [field.name]: value } })
    else if (field.in === 'query') update({ query: withValue(draft.query, field.name, value) })
    else update({ headers: withValue(draft.headers, field.name, value) })
  }
  return (
    <fieldset className="op-form" aria-label="Parameters">
      <legend className="field-label">Parameters</legend>
      {fields.map((field, i) => {
        const value = valueFor(field)
        const problem = fieldProblem(field, value)
        const fieldId = `${id}-${i}`
        const hint = [field.in === 'query' ? '' : field.in, field.kind === 'text' || field.kind === 'enum' ? '' : field.kind, field.minimum !== undefined || field.maximum !== undefined ? `${field.minimum ?? '…'}–${field.maximum ?? '…'}` : '', field.defaultText ? `default ${field.defaultText}` : '']
          .filter(Boolean)
          .join(' · ')
        return (
          <div key={`${field.in}-${field.name}`} className="op-field">
            <label htmlFor={fieldId} className="mono" title={field.description}>
              {field.name}
              {field.required && (
                <span className="required-mark" aria-hidden="true">
                  {' '}
                  *
                </span>
              )}
              {field.deprecated && <span className="muted"> (deprecated)</span>}
            </label>
            <FieldInput field={field} value={value} onChange={(v) => set(field, v)} id={fieldId} describedBy={`${fieldId}-hint`} />
            <span id={`${fieldId}-hint`} className={problem ? 'error' : 'hint muted'}>
              {problem || hint || (field.required ? 'required' : '\u00a0')}
            </span>
          </div>
        )
      })}
    </fieldset>
  )
}
