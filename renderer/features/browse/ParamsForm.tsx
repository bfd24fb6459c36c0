// The resource's query parameters from the catalog, and for per-user resources whose data to load.
import type { ParamSpec } from '../../../common/zoom/catalog'
import type { BrowseResource } from '../../../common/zoom/browse/browse-resource'
import { Field } from '../../components/Field'
import type { UserTarget } from '../../store/slices/browse'
import { datePresets, dateRangeParams } from './date-presets'
import { filledHint, PathValuePicker } from './PathValuePicker'
import { UserTargetPicker } from './UserTargetPicker'

export type ParamValues = Record<string, string | boolean>

export interface ParamsFormProps {
  resource: BrowseResource
  values: ParamValues
  onChange(values: ParamValues): void
  profileId: string
  target: UserTarget
  onTarget(target: UserTarget): void
  /** Account-wide connections can read one other user's data, or fan out over every user. */
  accountWide: boolean
  /** The resource's account-wide listing, when it has one (cloud recordings). */
  accountListing?: { allowed: boolean; scopes: readonly string[] }
  /** Field errors by parameter name; `users` is the user target's. */
  errors: Record<string, string>
  /** Path values a details link filled in, and where from (`from`): their fields say so while unchanged. */
  filled?: { values: Readonly<Record<string, string>>; from: string }
}

export function ParamsForm({ resource, values, onChange, profileId, target, onTarget, accountWide, accountListing, errors, filled }: ParamsFormProps) {
  const set = (name: string, value: string | boolean) => onChange({ ...values, [name]: value })
  const filledFrom = (name: string): string | undefined => {
    const given = filled?.values[name]
    return given !== undefined && given !== '' && values[name] === given ? filled?.from : undefined
  }
  const range = dateRangeParams(resource)
  return (
    <div className="params">
      {resource.perUser && <UserTargetPicker profileId={profileId} resource={resource.id} target={target} onTarget={onTarget} accountWide={accountWide} {...(accountListing ? { accountListing } : {})} {...(errors.users ? { error: errors.users } : {})} />}
      {range && <DatePresets fromName={range.from} toName={range.to} values={values} onChange={onChange} />}
      {resource.pathParams.map(({ name, parent }) =>
        parent ? (
          <PathValuePicker
            key={name}
            profileId={profileId}
            resource={resource.id}
            param={name}
            parent={parent}
            pathValues={outerValues(resource, values, target, name)}
            value={typeof values[name] === 'string' ? values[name] : ''}
            onValue={(value) => set(name, value)}
            {...(filledFrom(name) !== undefined ? { filledFrom: filledFrom(name) } : {})}
            {...(errors[name] ? { error: errors[name] } : {})}
          />
        ) : (
          <Field
            key={name}
            label={`${name} (required)`}
            hint={filledFrom(name) !== undefined ? filledHint(name, filledFrom(name)!) : `No list can fill ${name} in for you here: type one (copy it from the row of another list, e.g. the Webinars or Meetings tab).`}
            error={errors[name]}
          >
            {(p) => <input {...p} className="input" type="text" value={typeof values[name] === 'string' ? values[name] : ''} onChange={(e) => set(name, e.target.value)} />}
          </Field>
        ),
      )}
      {resource.params.map((spec) => (
        <ParamField key={spec.name} spec={spec} value={values[spec.name]} onChange={(v) => set(spec.name, v)} error={errors[spec.name]} />
      ))}
    </div>
  )
}

/**
 * What a path parameter's parent list needs besides: the other path parameters given (an event
 * for its sessions), and for a per-user list the one user chosen, else the token's owner.
 */
function outerValues(resource: BrowseResource, values: ParamValues, target: UserTarget, except: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const { name } of resource.pathParams) {
    const value = values[name]
    if (name !== except && typeof value === 'string' && value.trim() !== '') out[name] = value.trim()
  }
  if (resource.perUser) out.userId = target.kind === 'one' && target.user.id !== undefined ? target.user.id : 'me'
  return out
}

function DatePresets({ fromName, toName, values, onChange }: { fromName: string; toName: string; values: ParamValues; onChange(values: ParamValues): void }) {
  const presets = datePresets(Date.now())
  return (
    <div className="date-presets" role="group" aria-label="Date range presets">
      {presets.map((p) => {
        const current = values[fromName] === p.from && values[toName] === p.to
        return (
          <button key={p.id} type="button" className="btn btn-small" aria-pressed={current} onClick={() => onChange({ ...values, [fromName]: p.from, [toName]: p.to })}>
            {p.label}
          </button>
        )
      })}
    </div>
  )
}

function ParamField({ spec, value, onChange, error }: { spec: ParamSpec; value: string | boolean | undefined; onChange(value: string | boolean): void; error?: string }) {
  if (spec.type === 'boolean') {
    return (
      <label className="param-check">
        <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
        {spec.label}
      </label>
    )
  }
  const label = spec.required ? `${spec.label} (required)` : spec.label
  // Zoom's default is one of the values: one option stands for it, marked as the default, and it
  // sends nothing (Zoom applies its default), as the separate "Default" option did.
  const defaultValue = spec.default === undefined ? undefined : String(spec.default)
  const text = typeof value === 'string' ? value : ''
  return (
    <Field label={label} hint={spec.help} error={error}>
      {(p) =>
        spec.type === 'enum' ? (
          <select {...p} className="input" value={text === defaultValue ? '' : text} onChange={(e) => onChange(e.target.value)}>
            <option value="">{defaultValue !== undefined ? `${defaultValue} (default)` : 'Any'}</option>
            {spec.values
              ?.filter((v) => v !== defaultValue)
              .map((v) => (
                <option key={v} value={v}>
                  {spec.valueLabels?.[v] ?? v}
                </option>
              ))}
            {spec.expands && <option value={spec.expands.value}>{spec.expands.label}</option>}
          </select>
        ) : (
          <input
            {...p}
            className="input"
            type={spec.type === 'date' ? 'date' : spec.type === 'integer' ? 'number' : 'text'}
            min={spec.min}
            max={spec.max}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </Field>
  )
}

/** Drops empty values and turns integers into numbers, as data.crawl expects. */
export function toCrawlParams(resource: BrowseResource, values: ParamValues): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {}
  for (const { name } of resource.pathParams) {
    const value = values[name]
    if (typeof value === 'string' && value.trim() !== '') out[name] = value.trim()
  }
  for (const spec of resource.params) {
    const value = values[spec.name]
    if (value === undefined || value === '' || value === false) continue
    out[spec.name] = spec.type === 'integer' && typeof value === 'string' ? Number(value) : value
  }
  return out
}
