// Rate-limit usage per category (data.rateUsage), refreshed every few seconds while shown.
import { useEffect } from 'react'
import { useStore } from '../../store/index'
import { formatCount } from '../../shared/format'

const LABELS = { light: 'Light', medium: 'Medium', heavy: 'Heavy', 'resource-intensive': 'Resource-intensive' } as const
const POLL_MS = 3000

export function RateUsageCard({ profileId }: { profileId: string }) {
  const usage = useStore((s) => s.rateUsage[profileId])
  const load = useStore((s) => s.loadRateUsage)
  useEffect(() => {
    let stopped = false
    const tick = () => void load(profileId).catch(() => undefined)
    tick()
    const timer = setInterval(() => !stopped && tick(), POLL_MS)
    return () => {
      stopped = true
      clearInterval(timer)
    }
  }, [load, profileId])
  return (
    <section className="card" aria-labelledby="rate-title">
      <h2 id="rate-title" className="card-title">
        Rate limits <span className="muted" style={{ fontWeight: 400, fontSize: 13 }}>{usage?.[0] ? `${usage[0].plan} plan` : ''}</span>
      </h2>
      {!usage ? (
        <p className="muted">Loading…</p>
      ) : (
        <div className="table-scroll">
          {/* A narrow pane scrolls the table sideways rather than pushing it out of the card. */}
          <table className="rate-table">
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col">Last second / limit</th>
                <th scope="col">Requests</th>
                <th scope="col">Waited</th>
                <th scope="col">429s</th>
              </tr>
            </thead>
            <tbody>
              {usage.map((u) => {
                const ratio = u.limitPerSecond > 0 ? Math.min(1, u.used / u.limitPerSecond) : 0
                return (
                  <tr key={u.category}>
                    <th scope="row">{LABELS[u.category]}</th>
                    <td>
                      <div className="meter-cell">
                        <meter min={0} max={u.limitPerSecond} value={u.used} aria-label={`${LABELS[u.category]}: ${u.used} requests in the last second, limit ${u.limitPerSecond >= 1 ? `${Math.round(u.limitPerSecond)} per second` : `${Math.round(u.limitPerSecond * 60)} per minute`}`} data-level={ratio > 0.9 ? 'high' : ratio > 0.6 ? 'mid' : 'low'} />
                        <span className="muted nowrap">{u.limitPerSecond >= 1 ? `${u.used} / ${Math.round(u.limitPerSecond)}` : `${u.used} · ${Math.round(u.limitPerSecond * 60)}/min`}</span>
                      </div>
                    </td>
                    <td>{formatCount(u.total)}</td>
                    <td>{u.throttledMs > 0 ? `${(u.throttledMs / 1000).toFixed(1)} s` : '—'}</td>
                    <td>{u.rejected > 0 ? <span className="error">{u.rejected}</span> : '0'}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
