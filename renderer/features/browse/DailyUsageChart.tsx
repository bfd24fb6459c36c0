// The daily usage report as an SVG bar chart (no chart library): one bar per day for the chosen metric.
import { useEffect, useState } from 'react'
import { useStore } from '../../store/index'
import { formatCount } from '../../shared/format'

const METRICS = [
  { path: 'meetings', label: 'Meetings' },
  { path: 'participants', label: 'Participants' },
  { path: 'meeting_minutes', label: 'Meeting minutes' },
  { path: 'new_users', label: 'New users' },
] as const

const W = 760

/** About eight date labels, always the last day, never two crowding each other. */
function showLabel(i: number, count: number): boolean {
  const every = Math.ceil(count / 8)
  if (i === count - 1) return true
  return i % every === 0 && count - 1 - i >= every / 2
}
const H = 220
const PAD = { top: 12, right: 12, bottom: 28, left: 48 }

export function DailyUsageChart({ datasetId, rows }: { datasetId: string; rows: number }) {
  const fetchRows = useStore((s) => s.fetchRows)
  const [metric, setMetric] = useState<(typeof METRICS)[number]['path']>('meetings')
  const [data, setData] = useState<{ date: string; values: Record<string, number> }[]>()
  useEffect(() => {
    let current = true
    // A month has at most 31 days: one window holds the whole report.
    fetchRows({ datasetId, offset: 0, limit: Math.min(rows, 1000), columns: ['date', ...METRICS.map((m) => m.path)], sort: { column: 'date', direction: 'asc' } })
      .then((w) => {
        if (!current) return
        setData(w.rows.map((r) => ({ date: String(r.cells[0] ?? ''), values: Object.fromEntries(METRICS.map((m, i) => [m.path, Number(r.cells[i + 1] ?? 0)])) })))
      })
      .catch(() => current && setData([]))
    return () => {
      current = false
    }
  }, [datasetId, rows, fetchRows])
  if (!data || data.length === 0) return null
  const label = METRICS.find((m) => m.path === metric)?.label ?? metric
  const values = data.map((d) => d.values[metric] ?? 0)
  const max = Math.max(1, ...values)
  const total = values.reduce((a, b) => a + b, 0)
  const innerW = W - PAD.left - PAD.right
  const innerH = H - PAD.top - PAD.bottom
  const step = innerW / data.length
  const barW = Math.max(2, step * 0.7)
  const ticks = [0, 0.5, 1].map((t) => Math.round(max * t))
  const peak = data[values.indexOf(Math.max(...values))]
  return (
    <figure className="card chart">
      <div className="card-title">
        <figcaption>
          <h2 style={{ display: 'inline' }}>Daily usage</h2>
        </figcaption>
        <span className="spacer" />
        <label className="row" style={{ fontSize: 13 }}>
          Metric
          <select className="input" style={{ width: 'auto' }} value={metric} onChange={(e) => setMetric(e.target.value as typeof metric)}>
            {METRICS.map((m) => (
              <option key={m.path} value={m.path}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <svg viewBox={`0 0 ${W} ${H}`} className="chart-svg" role="img" aria-label={`${label} per day: ${formatCount(total)} in total over ${data.length} days; highest ${formatCount(Math.max(...values))} on ${peak?.date ?? ''}.`}>
        {ticks.map((t) => {
          const y = PAD.top + innerH - (t / max) * innerH
          return (
            <g key={t}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} className="chart-grid" />
              <text x={PAD.left - 6} y={y + 4} textAnchor="end" className="chart-label">
                {formatCount(t)}
              </text>
            </g>
          )
        })}
        {data.map((d, i) => {
          const v = d.values[metric] ?? 0
          const h = (v / max) * innerH
          const x = PAD.left + i * step + (step - barW) / 2
          return (
            <g key={d.date}>
              <rect x={x} y={PAD.top + innerH - h} width={barW} height={h} rx={2} className="chart-bar">
                <title>{`${d.date}: ${formatCount(v)} ${label.toLowerCase()}`}</title>
              </rect>
              {showLabel(i, data.length) && (
                <text x={x + barW / 2} y={H - 8} textAnchor="middle" className="chart-label">
                  {d.date.slice(5)}
                </text>
              )}
            </g>
          )
        })}
      </svg>
    </figure>
  )
}
