// For apps that receive webhooks: keep the app's secret token (write-only, in main's vault),
// check a pasted request's x-zm-signature, and compute the answer to endpoint.url_validation.
import { useState } from 'react'
import type { EventsConfig, WebhookCheckResult } from '../../../common/contract/index'
import { CopyButton } from '../../components/CopyButton'
import { Field } from '../../components/Field'
import { useStore } from '../../store/index'
import { eventsTaskKey } from '../../store/slices/events'
import { taskOf } from '../../store/task'

export function WebhookHelper({ profileId, config }: { profileId: string; config: EventsConfig | undefined }) {
  const setSecret = useStore((s) => s.setWebhookSecret)
  const check = useStore((s) => s.checkWebhook)
  const [secret, setSecretText] = useState('')
  const [body, setBody] = useState('')
  const [signature, setSignature] = useState('')
  const [timestamp, setTimestamp] = useState('')
  const [result, setResult] = useState<WebhookCheckResult>()
  const { error } = taskOf(useStore((s) => s.eventTasks[eventsTaskKey(profileId, 'webhook')]), 'webhook')

  // A refusal is kept in the events slice and shown below.
  const run = (fn: () => Promise<void>) => fn().catch(() => undefined)
  const answer = result?.urlValidation ? JSON.stringify(result.urlValidation) : ''

  return (
    <details className="card stack">
      <summary>
        <h2 className="card-title">Webhook helper</h2>
      </summary>
      <p className="muted">For event subscriptions that use the Webhook method: check a request Zoom sent and answer its URL validation. Paste the raw body exactly as received.</p>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault()
          void run(async () => {
            await setSecret(profileId, secret)
            setSecretText('')
          })
        }}
      >
        <Field label="Secret token" hint={config?.hasWebhookSecret ? 'Stored — entering a new one replaces it.' : 'Marketplace → your app → Features → Access → Secret Token.'}>
          {(props) => <input {...props} type="password" className="input" value={secret} onChange={(e) => setSecretText(e.target.value)} autoComplete="off" />}
        </Field>
        <button type="submit" className="btn" disabled={secret.trim() === ''}>
          {config?.hasWebhookSecret ? 'Replace secret token' : 'Store secret token'}
        </button>
      </form>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault()
          void run(async () => setResult(await check({ profileId, body, signature, timestamp })))
        }}
      >
        <Field label="Request body">{(props) => <textarea {...props} className="input mono" rows={5} value={body} onChange={(e) => setBody(e.target.value)} spellCheck={false} />}</Field>
        <div className="row">
          <Field label="x-zm-signature">{(props) => <input {...props} className="input mono" value={signature} onChange={(e) => setSignature(e.target.value)} spellCheck={false} placeholder="v0=…" />}</Field>
          <Field label="x-zm-request-timestamp">{(props) => <input {...props} className="input mono" value={timestamp} onChange={(e) => setTimestamp(e.target.value)} spellCheck={false} />}</Field>
        </div>
        <div className="row">
          <button type="submit" className="btn" disabled={!config?.hasWebhookSecret || body === ''}>
            Check request
          </button>
        </div>
      </form>
      {error && (
        <p className="callout" data-tone="bad" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div className="stack" role="status">
          <p className="callout" data-tone={result.signature === 'valid' ? 'ok' : result.signature === 'invalid' ? 'bad' : undefined}>
            {result.signature === 'valid' ? 'Signature valid: this request was signed with your secret token.' : result.signature === 'invalid' ? 'Signature invalid: not signed with this secret token, or the body was changed.' : 'No signature checked (paste x-zm-signature and x-zm-request-timestamp).'}
            {result.timestampAgeSeconds !== undefined ? ` Sent ${result.timestampAgeSeconds} s ago.` : ''}
          </p>
          {result.event === 'endpoint.url_validation' && !answer && (
            <p className="muted">No answer to this URL validation: the app answers only a request signed with your secret token, as your endpoint should. Paste the x-zm-signature and x-zm-request-timestamp Zoom sent with it.</p>
          )}
          {answer && (
            <div className="row">
              <span className="muted">Answer Zoom’s URL validation with:</span>
              <code className="mono">{answer}</code>
              <CopyButton text={answer} label="Copy response" />
            </div>
          )}
        </div>
      )}
    </details>
  )
}
