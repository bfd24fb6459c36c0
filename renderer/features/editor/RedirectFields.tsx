// The redirect URL (with a copy button and where to paste it) and how the sign-in is shown.
import type { ProfileFields } from '../../../common/profile'
import { isLoopback } from '../../../common/profile'
import { CopyButton } from '../../components/CopyButton'
import { Field } from '../../components/Field'
import { SUGGESTED_REDIRECT } from './draft'

export interface RedirectFieldsProps {
  fields: ProfileFields
  setField<K extends keyof ProfileFields>(key: K, value: ProfileFields[K]): void
  touch(key: string): void
  errorOf(key: string): string | undefined
}

export function RedirectFields({ fields, setField, touch, errorOf }: RedirectFieldsProps) {
  return (
    <>
      <Field
        label="Redirect URL"
        error={errorOf('redirectUri')}
        hint="Paste exactly this into “OAuth Redirect URL” and the “OAuth Allow List” on the app’s Basic Information page in the Zoom Marketplace."
        aside={
          <div className="row">
            {!fields.redirectUri && (
              <button type="button" className="btn btn-small" onClick={() => setField('redirectUri', SUGGESTED_REDIRECT)}>
                Use suggested URL
              </button>
            )}
            <CopyButton text={fields.redirectUri} label="Copy redirect URL" />
          </div>
        }
      >
        {(p) => <input {...p} className="input mono" spellCheck={false} value={fields.redirectUri} onChange={(e) => setField('redirectUri', e.target.value)} onBlur={() => touch('redirectUri')} />}
      </Field>
      <Field
        label="Sign in with"
        error={errorOf('authorizeWith')}
        hint={
          fields.authorizeWith === 'system-browser'
            ? 'Needs a loopback redirect (http://127.0.0.1:PORT/…). Zoom has been seen to reject plain-http loopback URLs: if it says “Invalid redirect”, use the connect window.'
            : 'A window of this app: works with any https redirect URL and can remember your Zoom sign-in.'
        }
      >
        {(p) => (
          <select {...p} className="input" value={fields.authorizeWith} onChange={(e) => setField('authorizeWith', e.target.value as ProfileFields['authorizeWith'])}>
            <option value="connect-window">Connect window (recommended)</option>
            <option value="system-browser">System browser{fields.redirectUri && !isLoopback(fields.redirectUri) ? ' (needs a loopback URL)' : ''}</option>
          </select>
        )}
      </Field>
    </>
  )
}
