// How a crawl retries a unit (one user's lists, or the whole list): transient failures are tried
// again with doubling waits; network errors in a row mean Zoom is unreachable, and the crawl waits
// as a whole (longer each time it is still down) instead of failing user after user.
import type { AppError } from '../../../common/errors'
import type { Scheduler } from '../../ports'

export interface CrawlRetryPolicy {
  /** Tries per unit for transient failures (5xx, timeouts, network) before it is recorded as failed. */
  attempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** Network errors in a row (across units) that mean Zoom is unreachable. */
  outageAfterErrors: number
  /** Waits before each retry while unreachable; the last one repeats. */
  outageDelaysMs: readonly number[]
}

export const DEFAULT_CRAWL_RETRY: CrawlRetryPolicy = {
  attempts: 3,
  baseDelayMs: 2_000,
  maxDelayMs: 30_000,
  outageAfterErrors: 3,
  outageDelaysMs: [5_000, 10_000, 30_000, 60_000],
}

/** The connection itself failed: Zoom could not be reached at all. */
export function isNetworkFailure(error: AppError): boolean {
  return error.code === 'NETWORK' || error.code === 'TIMEOUT'
}

/** Worth trying again later: Zoom or the path to it had trouble, not the request. */
export function isTransientFailure(error: AppError): boolean {
  return isNetworkFailure(error) || error.code === 'ZOOM_SERVER_ERROR' || error.code === 'ZOOM_RESPONSE_INVALID'
}

/**
 * Zoom's answer for a user who lacks the add-on a list needs (400 with code 200, "Webinar plan is
 * missing…" for a user's webinars): that user simply has none, which is not a failure of the crawl.
 * Returns Zoom's reason, or undefined for any other error.
 */
export function missingPlanReason(error: AppError): string | undefined {
  const { httpStatus, zoomCode, zoomMessage } = error.details ?? {}
  if (httpStatus !== 400 || Number(zoomCode) !== 200 || typeof zoomMessage !== 'string') return undefined
  const reason = /^[^.]*\bplan is missing\b[^.]*\./i.exec(zoomMessage)
  return reason ? reason[0] : undefined
}

/** Resolves after `ms`, or at once when the signal is aborted (the caller checks the signal). */
export function abortableSleep(scheduler: Scheduler, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve()
    const done = () => {
      cancel()
      signal.removeEventListener('abort', done)
      resolve()
    }
    const cancel = scheduler.setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
  })
}
