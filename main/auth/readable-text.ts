// Text that came from outside (Zoom's `reason`, an `error_description` in a redirect) is shown to
// people: make it one short line, with markup characters escaped so no renderer can treat it as HTML.
// A server may quote what it was sent (a secret, a token): that is scrubbed first, before a cut
// could leave a piece too short to recognise.
import { redact } from '../log/redact'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function readableText(value: unknown, maxLength = 300): string {
  if (typeof value !== 'string') return ''
  // eslint-disable-next-line no-control-regex
  const oneLine = redact(value).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim()
  const short = oneLine.length > maxLength ? `${oneLine.slice(0, maxLength - 1)}…` : oneLine
  return short.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)
}
