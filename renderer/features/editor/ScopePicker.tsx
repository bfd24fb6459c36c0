// Scopes: presets by use case (granular or classic, admin- or user-level by the kind of app) plus
// free entry. A preset is "on" when all its scopes are listed; toggling adds or removes them.
import { useId, useState } from 'react'
import type { ScopeLevel, ScopeStyle } from '../../../common/zoom/scope-presets'
import { DETAIL_RESOURCES, LIST_RESOURCES } from '../../../common/zoom/catalog'
import type { DetailResourceId, ListResourceId } from '../../../common/zoom/resource-ids'
import { DEFAULT_SCOPE_STYLE, presetResources, SCOPE_PRESETS, scopeStyleOf } from '../../../common/zoom/scope-presets'
import { CopyButton } from '../../components/CopyButton'
import { Field } from '../../components/Field'
import { splitList } from './draft'

export interface ScopePickerProps {
  text: string
  level: ScopeLevel
  onChange(text: string): void
  error?: string
  /** S2S: scopes are chosen in Zoom; listing them here lets the app compare them with what was granted. */
  informative: boolean
}

/** An example in the style and level the picker shows, so the empty box does not suggest the other style. */
const PLACEHOLDERS: Record<ScopeStyle, Record<ScopeLevel, string>> = {
  granular: { admin: 'user:read:list_users:admin meeting:read:list_meetings:admin', user: 'user:read:user meeting:read:list_meetings' },
  classic: { admin: 'user:read:admin meeting:read:admin', user: 'user:read meeting:read' },
}

const titleOf = (id: ListResourceId | DetailResourceId) => (id in LIST_RESOURCES ? LIST_RESOURCES[id as ListResourceId].title : `${DETAIL_RESOURCES[id as DetailResourceId].title} details`)

/**
 * What a preset really unlocks for this kind of app: its description when every tab it names can
 * be granted, else only the tabs that can (a user-level Users preset reads your own profile, it
 * does not list users).
 */
function presetPromise(preset: (typeof SCOPE_PRESETS)[number], style: ScopeStyle, level: ScopeLevel): string {
  const unlocked = presetResources(preset, style, level)
  if (unlocked.length === preset.resources.length) return preset.description
  return `For this kind of app: ${unlocked.map(titleOf).join(', ')} only.`
}

export function ScopePicker({ text, level, onChange, error, informative }: ScopePickerProps) {
  const scopes = splitList(text)
  // A stored or imported connection shows the style its scopes are in; a new one (no scopes yet)
  // the style of apps made today, so its presets add names its Zoom app accepts.
  const [style, setStyle] = useState<ScopeStyle>(() => scopeStyleOf(scopes) ?? DEFAULT_SCOPE_STYLE)
  const hintId = useId()
  const listed = new Set(scopes)
  const toggle = (presetScopes: readonly string[], on: boolean) => {
    const others = new Set(
      SCOPE_PRESETS.filter((p) => p[style][level] !== presetScopes && p[style][level].length > 0 && p[style][level].every((s) => listed.has(s))).flatMap((p) => [...p[style][level]]),
    )
    const next = on ? [...scopes, ...presetScopes.filter((s) => !listed.has(s))] : scopes.filter((s) => !presetScopes.includes(s) || others.has(s))
    onChange(next.join(' '))
  }
  return (
    <div className="stack">
      <fieldset className="presets">
        <legend className="field-label">Presets by use case</legend>
        <div className="row wrap" role="radiogroup" aria-label="Scope style">
          {(['granular', 'classic'] as const).map((s) => (
            <label key={s} className="radio-pill">
              <input type="radio" name="scope-style" value={s} checked={style === s} onChange={() => setStyle(s)} aria-describedby={hintId} />
              {s === 'classic' ? 'Classic scopes' : 'Granular scopes'}
            </label>
          ))}
        </div>
        <p id={hintId} className="muted">
          Apps made in today’s Zoom Marketplace use granular scopes, such as user:read:user. Choose classic only for an older app whose Scopes page lists names such as user:read.
        </p>
        <div className="preset-grid">
          {SCOPE_PRESETS.map((preset) => {
            const presetScopes = preset[style][level]
            const available = presetScopes.length > 0
            const on = available && presetScopes.every((s) => listed.has(s))
            return (
              <label key={preset.id} className="preset" data-disabled={!available || undefined}>
                <input type="checkbox" checked={on} disabled={!available} onChange={(e) => toggle(presetScopes, e.target.checked)} />
                <span>
                  <strong>{preset.title}</strong>
                  <span className="muted">{available ? presetPromise(preset, style, level) : `Not available to ${level === 'user' ? 'user-managed' : 'this kind of'} app`}</span>
                </span>
              </label>
            )
          })}
        </div>
      </fieldset>
      <Field
        label="Scopes"
        error={error}
        hint={informative ? 'Copy these into the app’s Scopes page. Zoom grants what the app has; the overview compares the two.' : 'Separated by spaces or new lines. Add exactly these to the app’s Scopes page in Zoom.'}
        aside={<CopyButton text={scopes.join(' ')} label="Copy scopes" />}
      >
        {(props) => <textarea {...props} className="input" rows={3} spellCheck={false} value={text} onChange={(e) => onChange(e.target.value)} placeholder={PLACEHOLDERS[style][level]} />}
      </Field>
    </div>
  )
}
