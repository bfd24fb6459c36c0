// A running or finished crawl: progress bar, counts, rate-limit waits, per-user errors, Cancel.
import type { JobProgress } from '../../../common/contract/index'
import { formatCount, formatDuration } from '../overview/format'
import { useNow } from '../overview/use-now'

export function CrawlProgress({ job, onCancel }: { job: JobProgress; onCancel(): void }) {
  const now = useNow(1000)
  const running = job.state === 'running'
  const max = job.unitsTotal ?? job.totalRecords
  const value = job.unitsTotal !== undefined ? (job.unitsDone ?? 0) : job.rows
  const elapsed = (job.finishedAt ?? now) - job.startedAt
  return (
    <div className="crawl" data-state={job.state}>
      <div className="row wrap">
        <strong>{running ? 'Loading…' : job.state === 'done' ? 'Loaded' : job.state === 'cancelled' ? 'Cancelled' : 'Failed'}</strong>
        <span className="muted" role="status">
          {formatCount(job.rows)} rows
          {job.totalRecords !== undefined && job.unitsTotal === undefined ? ` of ${formatCount(job.totalRecords)}` : ''}
          {job.unitsTotal !== undefined ? ` · ${formatCount(job.unitsDone ?? 0)} of ${formatCount(job.unitsTotal)} users` : ''} · {formatCount(job.pages)} pages · {formatDuration(elapsed)}
          {job.rateLimitWaits > 0 ? ` · waited for the rate limit ${job.rateLimitWaits}×` : ''}
        </span>
        <span className="spacer" />
        {running && (
          <button type="button" className="btn btn-small" onClick={onCancel}>
            Cancel loading
          </button>
        )}
      </div>
      {running && (max !== undefined && max > 0 ? <progress aria-label="Loading progress" max={max} value={Math.min(value, max)} /> : <progress aria-label="Loading progress" />)}
      {job.error && (
        <p className="callout" data-tone="bad" role="alert">
          {job.error.message}
        </p>
      )}
      {job.errors.length > 0 && (
        <details className="unit-errors">
          <summary>
            {job.errors.length} {job.errors.length === 1 ? 'user' : 'users'} could not be read; the rest were loaded
          </summary>
          <ul>
            {job.errors.slice(0, 50).map((e) => (
              <li key={e.unit}>
                <span className="mono">{e.unit}</span>: {e.error.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}
