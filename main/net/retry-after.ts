// Retry-After (RFC 9110 §10.2.3) as milliseconds to wait, for every HTTP answer main reads: Zoom's
// API, its token endpoint and the rate limiter. Zoom sends an ISO-8601 date on daily limits
// ("2020-05-31T00:00:00Z") or nothing; HTTP allows delta-seconds and HTTP dates too. Servers and
// proxies are seen sending fractional seconds ("1.5"), so those are read as well rather than dropped.

/** Milliseconds to wait, or undefined when the header is absent or unreadable. Never negative. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined
  const text = value.trim()
  if (text === '') return undefined
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000)
  const at = Date.parse(text)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, at - now)
}
