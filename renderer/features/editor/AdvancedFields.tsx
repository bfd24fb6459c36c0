// Rarely changed settings, folded away: cloud, endpoints, validation URL, allowed domains, plan, notes.
import { useEffect, useState } from 'react'
import type { ProfileFields } from '../../../common/profile'
import { cloudEndpoints, defaultAllowedDomains, defaultValidationUrl, MAX_NOTES_LENGTH } from '../../../common/profile'
import { Field } from '../../components/Field'
import type { EditorDraft } from './draft'

export interface AdvancedFieldsProps {
  draft: EditorDraft
  setField<K extends keyof ProfileFields>(key: K, value: ProfileFields[K]): void
  setDraft(key: string, patch: Partial<EditorDraft>): void
  touch(key: string): void
  errorOf(key: string): string | undefined
}

const ADVANCED_KEYS = ['cloud.oauthBaseUrl', 'cloud.apiBaseUrl', 'validationUrl', 'allowedDomains', 'description', 'notes', 'cloud']

export function AdvancedFields({ draft, setField, setDraft, touch, errorOf }: AdvancedFieldsProps) {
  const f = draft.fields
  const cloud = f.cloud
  const hasError = ADVANCED_KEYS.some((k) => errorOf(k))
  // Open by the person's choice, and by itself when one of its fields has a problem so no error
  // stays hidden; never closed by a fix: that would take the field being typed in away mid-word.
  const [open, setOpen] = useState(hasError)
  useEffect(() => {
    if (hasError) setOpen(true)
  }, [hasError])
  const safeDefaults = (() => {
    try {
      return { validation: defaultValidationUrl(cloud), domains: defaultAllowedDomains(cloud).join(', '), api: cloudEndpoints(cloud).apiBase }
    } catch {
      return { validation: '', domains: '', api: '' }
    }
  })()
  return (
    <details className="advanced card" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <h2 style={{ display: 'inline' }}>Advanced</h2> <span className="muted">cloud, endpoints, allowed domains, rate-limit plan, notes</span>
      </summary>
      <div className="advanced-grid">
        <Field label="Cloud" error={errorOf('cloud')}>
          {(p) => (
            <select
              {...p}
              className="input"
              value={cloud.kind}
              onChange={(e) => {
                const kind = e.target.value
                setField('cloud', kind === 'custom' ? { kind: 'custom', oauthBaseUrl: '', apiBaseUrl: '' } : { kind: kind as 'zoom' | 'zoomgov' })
              }}
            >
              <option value="zoom">Zoom (zoom.us)</option>
              <option value="zoomgov">Zoom for Government (zoomgov.com)</option>
              <option value="custom">Custom endpoints</option>
            </select>
          )}
        </Field>
        <Field label="Rate-limit plan" hint="The account’s plan sets how fast large crawls may go.">
          {(p) => (
            <select {...p} className="input" value={f.ratePlan} onChange={(e) => setField('ratePlan', e.target.value as ProfileFields['ratePlan'])}>
              <option value="free">Free</option>
              <option value="pro">Pro</option>
              <option value="business">Business or higher</option>
            </select>
          )}
        </Field>
        {cloud.kind === 'custom' && (
          <>
            <Field label="OAuth base URL" error={errorOf('cloud.oauthBaseUrl')}>
              {(p) => <input {...p} className="input mono" value={cloud.oauthBaseUrl} onChange={(e) => setField('cloud', { ...cloud, oauthBaseUrl: e.target.value })} onBlur={() => touch('cloud.oauthBaseUrl')} placeholder="https://zoom.us" />}
            </Field>
            <Field label="API base URL" error={errorOf('cloud.apiBaseUrl')}>
              {(p) => <input {...p} className="input mono" value={cloud.apiBaseUrl} onChange={(e) => setField('cloud', { ...cloud, apiBaseUrl: e.target.value })} onBlur={() => touch('cloud.apiBaseUrl')} placeholder="https://api.zoom.us" />}
            </Field>
          </>
        )}
        {f.grant === 'authorization_code' && f.clientType === 'confidential' && (
          <Field label="PKCE method" error={errorOf('pkceMethod')} hint="Zoom accepts S256, plain or none for a confidential app.">
            {(p) => (
              <select {...p} className="input" value={f.pkceMethod} onChange={(e) => setField('pkceMethod', e.target.value as ProfileFields['pkceMethod'])}>
                <option value="S256">S256 (recommended)</option>
                <option value="plain">plain</option>
                <option value="none">none</option>
              </select>
            )}
          </Field>
        )}
        <Field label="Validation URL" error={errorOf('validationUrl')} hint={`“Test connection” calls it with the cached token. Default: ${safeDefaults.validation}`}>
          {(p) => <input {...p} className="input mono" value={f.validationUrl} placeholder={safeDefaults.validation} onChange={(e) => setField('validationUrl', e.target.value)} onBlur={() => touch('validationUrl')} />}
        </Field>
        <Field label="Allowed domains" error={errorOf('allowedDomains')} hint={`The only hosts this credential is ever sent to. Default: ${safeDefaults.domains}`}>
          {(p) => (
            <textarea {...p} className="input" rows={2} spellCheck={false} value={draft.allowedDomainsText} placeholder={safeDefaults.domains} onChange={(e) => setDraft('allowedDomains', { allowedDomainsText: e.target.value })} onBlur={() => touch('allowedDomains')} />
          )}
        </Field>
        <Field label="Description" error={errorOf('description')}>
          {(p) => <input {...p} className="input" value={f.description} onChange={(e) => setField('description', e.target.value)} maxLength={500} />}
        </Field>
        <Field label="Notes" error={errorOf('notes')} hint="For yourself: never put a secret here, notes are exported.">
          {(p) => <textarea {...p} className="input" rows={3} style={{ fontFamily: 'var(--font)' }} value={f.notes} onChange={(e) => setField('notes', e.target.value)} maxLength={MAX_NOTES_LENGTH} />}
        </Field>
      </div>
    </details>
  )
}
