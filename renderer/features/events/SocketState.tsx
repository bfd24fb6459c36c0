// The socket's state in words, how long it has been up, and Connect / Disconnect.
import type { EventsStatus } from '../../../common/contract/index'
import { useStore } from '../../store/index'
import { eventsTaskKey } from '../../store/slices/events'
import { taskOf } from '../../store/task'
import { formatDuration } from '../../shared/format'
import { useNow } from '../../shared/use-now'

export function describeState(status: EventsStatus | undefined, now: number): string {
  switch (status?.state ?? 'idle') {
    case 'idle':
      return 'Not connected'
    case 'connecting':
      return status?.reason ? `Connecting — ${status.reason}` : 'Connecting…'
    case 'open':
      return `Open for ${formatDuration(Math.max(0, now - (status?.openSince ?? now)))}`
    case 'reconnecting':
      return `Reconnecting in ${Math.max(0, Math.ceil(((status?.retryAt ?? now) - now) / 1000))} s${status?.reason ? ` — ${status.reason}` : ''}`
    case 'taken-over':
      return `Taken over — ${status?.reason ?? 'another client connected to this subscription'}`
    case 'closed':
      return status?.reason ? `Closed — ${status.reason}` : 'Closed'
    case 'error':
      return `Stopped — ${status?.error?.message ?? status?.reason ?? 'error'}`
  }
}

export function SocketState({ profileId, status, canConnect }: { profileId: string; status: EventsStatus | undefined; canConnect: boolean }) {
  const connect = useStore((s) => s.connectEvents)
  const disconnect = useStore((s) => s.disconnectEvents)
  const { error } = taskOf(useStore((s) => s.eventTasks[eventsTaskKey(profileId, 'socket')]), 'socket')
  const now = useNow()
  const state = status?.state ?? 'idle'
  const live = state === 'open' || state === 'connecting' || state === 'reconnecting'
  // A refusal is kept in the events slice and shown below.
  const act = (fn: (id: string) => Promise<void>) => fn(profileId).catch(() => undefined)
  return (
    <section className="card stack" aria-label="Event socket">
      <div className="row">
        <span className="events-state" data-state={state} role="status">
          {describeState(status, now)}
        </span>
        <span className="spacer" />
        {live ? (
          <button type="button" className="btn" onClick={() => void act(disconnect)}>
            Disconnect events
          </button>
        ) : (
          <button type="button" className="btn btn-primary" disabled={!canConnect} onClick={() => void act(connect)}>
            Connect events
          </button>
        )}
      </div>
      {status?.lastHeartbeatAt !== undefined && state === 'open' && <span className="muted">Last heartbeat reply {formatDuration(Math.max(0, now - status.lastHeartbeatAt))} ago</span>}
      {!canConnect && <span className="muted">Save a subscription ID to connect.</span>}
      {error && (
        <p className="callout" data-tone="bad" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
