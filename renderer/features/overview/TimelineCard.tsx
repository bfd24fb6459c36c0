// Authorize, token, refresh, revoke and validate events with their outcome (never a secret).
import { useEffect } from 'react'
import { useStore } from '../../store/index'
import { formatDateTime, formatRelative } from '../../shared/format'
import { useNow } from '../../shared/use-now'

const KIND_LABELS = { authorize: 'Sign-in', token: 'Token', refresh: 'Refresh', revoke: 'Revoke', validate: 'Test', disconnect: 'Disconnect', error: 'Error' } as const
const OUTCOME_LABELS = { ok: 'succeeded', failed: 'failed', cancelled: 'cancelled' } as const

export function TimelineCard({ profileId }: { profileId: string }) {
  const events = useStore((s) => s.timelines[profileId])
  const load = useStore((s) => s.loadTimeline)
  const now = useNow(30_000)
  useEffect(() => {
    void load(profileId).catch(() => undefined)
  }, [load, profileId])
  return (
    <section className="card timeline-card" aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="card-title">
        Timeline
      </h2>
      {!events ? (
        <p className="muted">Loading…</p>
      ) : events.length === 0 ? (
        <p className="muted">Nothing yet. Connecting, refreshing and testing show up here.</p>
      ) : (
        <ol className="timeline" aria-label="Authentication events">
          {events.map((e, i) => (
            <li key={`${e.at}-${i}`} data-outcome={e.outcome}>
              <span className="dot" aria-hidden="true" />
              <div className="stack" style={{ gap: 2 }}>
                <span>
                  <strong>{KIND_LABELS[e.kind]}</strong> {OUTCOME_LABELS[e.outcome]}
                  <span className="muted"> · <time dateTime={new Date(e.at).toISOString()} title={formatDateTime(e.at)}>{formatRelative(e.at, now)}</time></span>
                </span>
                {e.detail && <span className="muted">{e.detail}</span>}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
