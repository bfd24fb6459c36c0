// After a transient token-endpoint failure the next attempt waits, so a failing endpoint is never
// hammered in a tight loop: the shared jittered backoff from 2 s up to 5 min, and at least what
// Retry-After asked for (capped at an hour, so a bogus header cannot stop renewals for days).
import { backoffDelay } from '../net/backoff'

const TOKEN_BACKOFF = { baseDelayMs: 2_000, maxDelayMs: 300_000 }
const MAX_RETRY_AFTER_MS = 3_600_000

export function tokenRetryDelay(attempt: number, retryAfterMs?: number, random?: () => number): number {
  return Math.max(backoffDelay(TOKEN_BACKOFF, attempt, random), Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS))
}
