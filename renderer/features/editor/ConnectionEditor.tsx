// The connection editor with its guided setup: each step of the Zoom Marketplace beside the
// fields it fills, inline validation (the same rules as main), "Save & connect" in one click.
import { useEffect, useRef } from 'react'
import type { ProfileView } from '../../../common/profile'
import { checkboxEnterToggles, focusFirstInvalid } from '../../components/form-keys'
import { useFocusReturn } from '../../components/use-focus-return'
import { ExternalLink } from '../../components/ExternalLink'
import { Field } from '../../components/Field'
import type { AppKind } from '../../store/slices/session'
import { KINDS, kindInfo, kindOf, MARKETPLACE_BUILD_URL } from '../connections/kinds'
import { VaultSetupChoices } from '../settings/VaultSetupChoices'
import { AdvancedFields } from './AdvancedFields'
import { GuideSection } from './GuideSection'
import { GUIDES } from './guides'
import { RedirectFields } from './RedirectFields'
import { ScopePicker } from './ScopePicker'
import { SecretField } from './SecretField'
import { TestConnection } from '../../components/TestConnection'
import { usesSecret, withSuggestedRedirect } from './draft'
import { useEditor } from './use-editor'

/**
 * Scrolls a focused control clear of the sticky footer when it landed under it (a browser that
 * ignores scroll-padding for focus, or a control focused by a click at the window's bottom edge).
 */
function keepAboveFooter(control: EventTarget, form: HTMLFormElement | null): void {
  const footer = form?.querySelector('.editor-actions')
  if (!(control instanceof HTMLElement) || !footer || footer.contains(control)) return
  const top = footer.getBoundingClientRect().top
  if (control.getBoundingClientRect().bottom > top) control.scrollIntoView?.({ block: 'center' })
}

export interface ConnectionEditorProps {
  /** The stored connection to edit; absent: a new one. */
  profile?: ProfileView
  kind?: AppKind
  onCancel?: () => void
  /** The Cancel button's text (a new connection saved meanwhile is left, not cancelled). */
  cancelLabel?: string
  /** A new connection was saved (its first Save, or the save of a Save & connect whose connect failed). */
  onSaved?: (profileId: string) => void
}

export function ConnectionEditor({ profile, kind = 's2s', onCancel, cancelLabel = 'Cancel', onSaved }: ConnectionEditorProps) {
  const editor = useEditor(profile, kind)
  // A new connection is a stored one once saved (even when its connect then failed): named as such,
  // and its next Save updates it (useEditor keeps its id).
  const saved = profile ?? editor.stored
  useEffect(() => {
    if (!profile && editor.savedId !== undefined) onSaved?.(editor.savedId)
  }, [profile, editor.savedId, onSaved])
  const formRef = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (editor.focusInvalid > 0 && formRef.current) focusFirstInvalid(formRef.current)
  }, [editor.focusInvalid])
  const { draft, setField, touch, errorOf } = editor
  const f = draft.fields
  const currentKind = kindOf(f)
  const changeKind = (next: AppKind) =>
    editor.setDraft('kind', (d) => ({
      ...d,
      fields: withSuggestedRedirect({ ...d.fields, ...kindInfo(next).defaults, appType: kindInfo(next).defaults.appType ?? 'user', clientType: kindInfo(next).defaults.clientType ?? 'confidential' }),
    }))
  const steps = GUIDES[currentKind]
  const busy = editor.pending !== undefined
  const submitButton = useFocusReturn<HTMLButtonElement>(busy)

  const stepFields = (id: (typeof steps)[number]['id']) => {
    switch (id) {
      case 'create':
        return (
          <Field label="Connection name" error={errorOf('name')} hint="Shown in the sidebar, e.g. “Acme — production”.">
            {(p) => <input {...p} className="input" value={f.name} onChange={(e) => setField('name', e.target.value)} onBlur={() => touch('name')} maxLength={100} />}
          </Field>
        )
      case 'credentials':
        return (
          <>
            {f.grant === 's2s' && (
              <Field label="Account ID" error={errorOf('accountId')}>
                {(p) => <input {...p} className="input mono" spellCheck={false} autoComplete="off" value={f.accountId} onChange={(e) => setField('accountId', e.target.value)} onBlur={() => touch('accountId')} />}
              </Field>
            )}
            <Field label="Client ID" error={errorOf('clientId')}>
              {(p) => <input {...p} className="input mono" spellCheck={false} autoComplete="off" value={f.clientId} onChange={(e) => setField('clientId', e.target.value)} onBlur={() => touch('clientId')} />}
            </Field>
            {usesSecret(f) ? (
              <SecretField
                hasStoredSecret={editor.hasStoredSecret}
                unreadable={editor.stored?.needsRepair.includes('clientSecret') ?? false}
                mustReenter={editor.secretReentry}
                value={draft.secret}
                onChange={(secret) => editor.setDraft('clientSecret', { secret })}
                onBlur={() => touch('clientSecret')}
                error={errorOf('clientSecret')}
              />
            ) : null}
            {usesSecret(f) && editor.replacingWorkingSecret && (
              <label className="param-check">
                <input type="checkbox" checked={editor.replaceSecretNow} onChange={(e) => editor.setReplaceSecretNow(e.target.checked)} />
                Use the new secret at once, even before it has connected
              </label>
            )}
            {usesSecret(f) && editor.stored?.pendingClientSecret && (
              <p className="callout" data-tone="warn" role="status" data-testid="pending-secret">
                The new Client Secret is kept aside until it connects; the previous one is still in use. Press Save &amp; connect (or Reconnect) to switch to it.
              </p>
            )}
            {!usesSecret(f) && (
              <Field label="PKCE method" error={errorOf('pkceMethod')} hint="S256 unless your app was set up otherwise. A public client cannot go without PKCE.">
                {(p) => (
                  <select {...p} className="input" value={f.pkceMethod} onChange={(e) => setField('pkceMethod', e.target.value as typeof f.pkceMethod)}>
                    <option value="S256">S256 (recommended)</option>
                    <option value="plain">plain</option>
                    <option value="none">none</option>
                  </select>
                )}
              </Field>
            )}
            {errorOf('clientType') && <span className="error">{errorOf('clientType')}</span>}
          </>
        )
      case 'redirect':
        return <RedirectFields fields={f} setField={setField} touch={touch} errorOf={errorOf} />
      case 'scopes':
        return (
          <ScopePicker
            text={draft.scopesText}
            level={f.grant === 's2s' || f.appType === 'admin' ? 'admin' : 'user'}
            informative={f.grant === 's2s'}
            onChange={(scopesText) => editor.setDraft('scopes', { scopesText })}
            error={errorOf('scopes')}
          />
        )
      case 'activate':
        return null
    }
  }

  return (
    <form
      ref={formRef}
      className="editor"
      aria-label={saved ? `Edit ${saved.name}` : 'New connection'}
      noValidate
      onKeyDown={checkboxEnterToggles}
      onFocus={(e) => keepAboveFooter(e.target, formRef.current)}
      onSubmit={(e) => {
        e.preventDefault()
        void editor.saveAndConnect()
      }}
    >
      <fieldset className="kind-picker">
        <legend className="field-label">Kind of Zoom app</legend>
        <div className="kind-grid">
          {KINDS.map((k) => (
            <label key={k.kind} className="kind-option" data-checked={currentKind === k.kind || undefined}>
              <input type="radio" name="app-kind" value={k.kind} checked={currentKind === k.kind} onChange={() => changeKind(k.kind)} />
              <span>
                <strong>{k.title}</strong>
                <span className="muted">{k.summary}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {steps.map((step, i) => (
        <GuideSection
          key={step.id}
          number={i + 1}
          title={step.title}
          body={step.body}
          action={step.id === 'create' ? <ExternalLink href={MARKETPLACE_BUILD_URL}>Open the Zoom Marketplace</ExternalLink> : undefined}
        >
          {stepFields(step.id)}
        </GuideSection>
      ))}

      <AdvancedFields draft={draft} setField={setField} setDraft={editor.setDraft} touch={touch} errorOf={errorOf} />

      {editor.needsVaultSetup && (
        <section className="card" aria-labelledby="vault-setup-title">
          <h2 id="vault-setup-title" className="card-title">
            First, choose how to protect your secrets
          </h2>
          <VaultSetupChoices onDone={() => void editor.retry()} />
        </section>
      )}
      <div className="editor-actions" role="group" aria-label="Save">
        <div className="row wrap">
          <button ref={submitButton} type="submit" className="btn btn-primary" disabled={busy}>
            {editor.pending === 'connect' ? 'Connecting…' : 'Save & connect'}
          </button>
          <button type="button" className="btn" disabled={busy} onClick={() => void editor.saveOnly()}>
            {editor.pending === 'save' ? 'Saving…' : 'Save'}
          </button>
          {editor.savedId && saved && <TestConnection profileId={editor.savedId} />}
          {editor.formError && (
            <p className="form-error" role="alert">
              {editor.formError}
            </p>
          )}
          <span className="spacer" />
          {onCancel && (
            <button type="button" className="btn btn-ghost" onClick={onCancel} disabled={busy}>
              {cancelLabel}
            </button>
          )}
        </div>
      </div>
    </form>
  )
}
