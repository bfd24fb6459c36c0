// After a transient token-endpoint failure the next attempt waits (security.md §4.2: never refresh
// in a tight loop). Exponential from 2 s to 5 min, at least what Retry-After asked for.
const FIRST_MS = 2_000
const MAX_MS = 300_000

export function backoffDelay(attempt: number, retryAfterMs?: number): number {
  const exponential = Math.min(MAX_MS, FIRST_MS * 2 ** Math.max(0, attempt - 1))
  return Math.max(exponential, Math.min(retryAfterMs ?? 0, 3_600_000))
}
