// How long to wait before trying again after the attempt-th failure, for every retry loop in main
// (Zoom API retries, crawl units, the event socket, token renewals, downloads): doubling from
// `baseDelayMs` up to `maxDelayMs`, half of it fixed and half random, so callers that failed
// together (many requests cut by one outage) do not all come back in the same instant.

export interface BackoffPolicy {
  baseDelayMs: number
  maxDelayMs: number
}

/** `attempt` counts from 1 (the first retry waits between base/2 and base). `random` is injectable for tests. */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: () => number = Math.random): number {
  const full = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1))
  return full / 2 + (random() * full) / 2
}
