// Requests sent with this connection; choosing one puts it back in the composer.
import { useEffect } from 'react'
import type { HistoryEntry } from '../../../common/contract/index'
import { useStore } from '../../store/index'
import { formatRelative } from '../../shared/format'
import { useNow } from '../../shared/use-now'

export function HistoryList({ profileId, onPick }: { profileId: string; onPick(entry: HistoryEntry): void }) {
  const history = useStore((s) => s.history)
  const load = useStore((s) => s.loadHistory)
  const clear = useStore((s) => s.clearHistory)
  const now = useNow(30_000)
  useEffect(() => {
    void load(profileId).catch(() => undefined)
  }, [load, profileId])
  const entries = history.filter((h) => h.request.profileId === profileId)
  return (
    <section className="card history" aria-labelledby="history-title">
      <div className="card-title">
        <h2 id="history-title">History</h2>
        <span className="spacer" />
        {entries.length > 0 && (
          <button type="button" className="btn btn-small btn-ghost" onClick={() => void clear(profileId)}>
            Clear history
          </button>
        )}
      </div>
      {entries.length === 0 ? (
        <p className="muted">Requests you send appear here.</p>
      ) : (
        <ul className="history-list">
          {entries.map((h) => (
            <li key={h.id}>
              <button type="button" className="history-item" onClick={() => onPick(h)}>
                <span className="method" data-method={h.request.method}>
                  {h.request.method}
                </span>
                <span className="mono path">{h.request.url}</span>
                <span className="muted meta">
                  {h.status ?? h.error ?? '—'} · {formatRelative(h.at, now)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
