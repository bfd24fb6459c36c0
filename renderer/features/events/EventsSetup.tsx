// Where the subscription ID comes from, and the field that keeps it (with an optional events URL).
import { useEffect, useId, useState } from 'react'
import type { EventsConfig } from '../../../common/contract/index'
import { ExternalLink } from '../../components/ExternalLink'
import { Field } from '../../components/Field'
import { useStore } from '../../store/index'
import { eventsTaskKey } from '../../store/slices/events'
import { taskOf } from '../../store/task'

export function EventsSetup({ profileId, config }: { profileId: string; config: EventsConfig | undefined }) {
  const save = useStore((s) => s.saveEventsConfig)
  const notify = useStore((s) => s.notify)
  const [subscriptionId, setSubscriptionId] = useState(config?.subscriptionId ?? '')
  const [eventsUrl, setEventsUrl] = useState(config?.eventsUrl ?? '')
  const { pending: saving, error } = taskOf(useStore((s) => s.eventTasks[eventsTaskKey(profileId, 'saveConfig')]), 'saveConfig')
  const titleId = useId()
  useEffect(() => {
    setSubscriptionId(config?.subscriptionId ?? '')
    setEventsUrl(config?.eventsUrl ?? '')
  }, [config?.subscriptionId, config?.eventsUrl])

  const submit = async () => {
    // Pasting the whole endpoint URL works too: keep only its subscriptionId.
    const pasted = /[?&]subscriptionId=([A-Za-z0-9_-]+)/.exec(subscriptionId)?.[1] ?? subscriptionId.trim()
    // A refusal is kept in the events slice and shown at the field.
    if (await save(profileId, pasted, eventsUrl.trim()).then(() => true, () => false)) notify({ tone: 'success', title: 'Event subscription saved' })
  }

  return (
    <section className="card stack events-setup" aria-labelledby={titleId}>
      <h2 id={titleId}>Event subscription</h2>
      <details className="events-guide-box" open={(config?.subscriptionId ?? '') === ''}>
        <summary>Where to find the subscription ID</summary>
        <ol className="events-guide">
          <li>
            In the Zoom Marketplace, open this connection’s app and turn on <strong>Event subscription</strong>: on the <strong>Feature</strong> page of a
            Server-to-Server OAuth app, under <strong>Features → Access</strong> of a general app.
          </li>
          <li>
            Add a subscription and choose the <strong>WebSocket</strong> method (not Webhook): the Events tab only receives WebSocket subscriptions.
          </li>
          <li>
            Tick the events you want, e.g. <span className="mono">meeting.started</span>, <span className="mono">meeting.ended</span>, <span className="mono">user.created</span>,{' '}
            <span className="mono">recording.completed</span>. The app’s scopes must allow them.
          </li>
          <li>
            <strong>Save</strong>: Zoom shows the <strong>WebSocket endpoint URL</strong>, <span className="mono">wss://ws.zoom.us/ws?subscriptionId=…</span>. Paste the URL or just its
            subscriptionId below.
          </li>
        </ol>
        <div className="row">
          <ExternalLink href="https://marketplace.zoom.us/user/build">Open the Zoom Marketplace</ExternalLink>
        </div>
      </details>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <Field label="Subscription ID" error={error} hint="From the WebSocket endpoint URL Zoom shows on the event subscription.">
          {(props) => <input {...props} className="input mono" value={subscriptionId} onChange={(e) => setSubscriptionId(e.target.value)} spellCheck={false} autoComplete="off" placeholder="ZhPGtK84QbapRWXzEBW7MA" />}
        </Field>
        <details>
          <summary>Events URL (advanced)</summary>
          <Field label="Events URL" hint={`Empty: ${config?.effectiveEventsUrl ?? 'the socket of this connection’s cloud'}. The host must be in the connection’s allowed domains.`}>
            {(props) => <input {...props} className="input mono" value={eventsUrl} onChange={(e) => setEventsUrl(e.target.value)} spellCheck={false} autoComplete="off" placeholder={config?.effectiveEventsUrl ?? 'wss://ws.zoom.us/ws'} />}
          </Field>
        </details>
        <div className="row">
          <button type="submit" className="btn" disabled={saving}>
            {saving ? 'Saving…' : 'Save subscription'}
          </button>
        </div>
      </form>
    </section>
  )
}
