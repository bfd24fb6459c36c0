// Zoom's Retry-After is an ISO-8601 date on daily limits ("2020-05-31T00:00:00Z"), sometimes
// absent; HTTP allows delta-seconds and HTTP dates too. Parse all three.

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
