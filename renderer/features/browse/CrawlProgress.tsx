// A running or finished crawl: progress bar, counts, rate-limit waits (live), a pause while Zoom
// is unreachable, per-unit errors, Cancel, and after a stop "Resume" and "Retry N failed users" (or lists, call queues…).
import { useEffect, useRef } from 'react'
import type { JobProgress } from '../../../common/contract/index'
import { focusIsLost } from '../../components/use-focus-return'
import { singularOf } from '../../../common/zoom/browse/fan-out'
import { formatCount, formatDuration } from '../../shared/format'
import { useNow } from '../../shared/use-now'

export interface CrawlProgressProps {
  job: JobProgress
  onCancel(): void
  onResume(): void
  onRetryFailed(): void
}

/**
 * Whole seconds until `at`, never below zero. Read against the clock at render (useNow's tick can
 * be a second old when an event re-renders), so a fresh "retrying in 20 s" never reads 21.
 */
const secondsUntil = (at: number, tick: number) => Math.max(0, Math.ceil((at - Math.max(tick, Date.now())) / 1000))

export function CrawlProgress({ job, onCancel, onResume, onRetryFailed }: CrawlProgressProps) {
  const now = useNow(1000)
  const running = job.state === 'running'
  const max = job.unitsTotal ?? job.totalRecords
  const value = job.unitsTotal !== undefined ? (job.unitsDone ?? 0) : job.rows
  const elapsed = (job.finishedAt ?? now) - job.startedAt
  // A fan-out names its units by the parent list (users, call queues, rooms), never "users" for all.
  const many = job.unitNoun ?? 'users'
  const units = (count: number): string => (count === 1 ? singularOf(many) : many)
  // Resume and Retry leave with the stop they answer, taking focus with them: once the crawl runs
  // again, a keyboard user is put on Cancel loading rather than on <body>.
  const cancelButton = useRef<HTMLButtonElement>(null)
  const focusCancelWhenRunning = useRef(false)
  useEffect(() => {
    if (!running || !focusCancelWhenRunning.current) return
    focusCancelWhenRunning.current = false
    if (focusIsLost()) cancelButton.current?.focus()
  }, [running])
  const restart = (action: () => void) => () => {
    focusCancelWhenRunning.current = true
    action()
  }
  return (
    <div className="crawl" data-state={job.state}>
      <div className="row wrap">
        <strong>{running ? 'Loading…' : job.state === 'done' ? 'Loaded' : job.state === 'cancelled' ? 'Cancelled' : 'Failed'}</strong>
        <span className="muted" role="status">
          {formatCount(job.rows)} {job.rows === 1 ? 'row' : 'rows'}
          {job.totalRecords !== undefined && job.unitsTotal === undefined ? ` of ${formatCount(job.totalRecords)}` : ''}
          {job.unitsTotal !== undefined ? ` · ${formatCount(job.unitsDone ?? 0)} of ${formatCount(job.unitsTotal)} ${units(job.unitsTotal)}` : ''} · {formatCount(job.pages)} {job.pages === 1 ? 'page' : 'pages'} · {formatDuration(elapsed)}
          {job.rateLimitWaits > 0 ? ` · waited for the rate limit ${job.rateLimitWaits}×` : ''}
        </span>
        <span className="spacer" />
        {running && (
          <button ref={cancelButton} type="button" className="btn btn-small" onClick={onCancel}>
            Cancel loading
          </button>
        )}
      </div>
      {running && (max !== undefined && max > 0 ? <progress aria-label="Loading progress" max={max} value={Math.min(value, max)} /> : <progress aria-label="Loading progress" />)}
      {running && job.paused && (
        <p className="callout" data-tone="warn" role="status" data-testid="crawl-paused">
          Zoom is unreachable — retrying in {secondsUntil(job.paused.retryAt, now)} s. The load goes on by itself when Zoom answers again.
        </p>
      )}
      {running && job.rateLimitedUntil !== undefined && job.rateLimitedUntil > now && (
        <p className="muted" role="status" data-testid="crawl-rate-limited">
          Waiting {secondsUntil(job.rateLimitedUntil, now)} s for Zoom’s rate limit…
        </p>
      )}
      {running && (job.retryingUnits ?? 0) > 0 && (
        <p className="muted">
          {formatCount(job.retryingUnits ?? 0)} {units(job.retryingUnits ?? 0)} {job.retryingUnits === 1 ? 'is' : 'are'} tried again after an error.
        </p>
      )}
      {job.withoutPlan && job.withoutPlan.count > 0 && (
        <p className="muted" data-testid="crawl-without-plan">
          Nothing to list for {formatCount(job.withoutPlan.count)} {units(job.withoutPlan.count)}: Zoom says “{job.withoutPlan.reason}”
        </p>
      )}
      {!running && (job.resumable || (job.failedUnits ?? 0) > 0) && (
        <div className="row wrap">
          {job.resumable && (job.pendingUnits ?? 0) > 0 && (
            <span className="muted">
              {formatCount(job.pendingUnits ?? 0)} {units(job.pendingUnits ?? 0)} {job.pendingUnits === 1 ? 'was' : 'were'} not loaded yet.
            </span>
          )}
          {job.resumable && (
            <button type="button" className="btn btn-small btn-primary" onClick={restart(onResume)}>
              Resume
            </button>
          )}
          {(job.failedUnits ?? 0) > 0 && (
            <button type="button" className="btn btn-small" onClick={restart(onRetryFailed)}>
              {/* Named by its units: "Retry 1 failed" alone read as one user when a plain list had failed. */}
              Retry {formatCount(job.failedUnits ?? 0)} failed {units(job.failedUnits ?? 0)}
            </button>
          )}
        </div>
      )}
      {job.error && (
        <p className="callout" data-tone="bad" role="alert">
          {job.error.message}
        </p>
      )}
      {job.errors.length > 0 && (
        <details className="unit-errors">
          <summary>
            {job.errors.length} {units(job.errors.length)} could not be read; the rest were loaded
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
