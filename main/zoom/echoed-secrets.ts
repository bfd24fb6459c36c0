// A JSON answer that quotes the profile's own access or refresh token back (a hostile server in
// the allowed domains, or a buggy one reflecting the request) must not hand it on: the rows of a
// crawl are stored, shown in the grid and the drawer, exported and sent over the bridge. Every
// JSON answer of the Zoom client passes here before anyone reads it.
//
// Scrubbing every string of every page as redactValue does (any piece of 8 characters, any letter
// case, reversed, base64) costs more than parsing the page, on every page of every crawl. So the
// answer's bytes are searched first, natively, for two pieces of each secret — its middle and its
// end, which any quote of the whole token or of most of it holds — and only an answer that has one
// is scrubbed, then fully. JSON escapes (`\u0065`, `\/`) could spell a secret in other bytes:
// an answer with one is searched as the text JSON.stringify gives back instead, which has none.
import { redactValuesDeep } from '../log/redact'

/** Pieces this long are unlikely in ordinary data by chance, and short enough to survive a quote cut short. */
const PIECE = 24

function piecesOf(secret: string): string[] {
  if (secret.length <= PIECE * 2) return [secret]
  const middle = Math.floor(secret.length / 2) - PIECE / 2
  return [secret.slice(middle, middle + PIECE), secret.slice(-PIECE)]
}

/** A backslash followed by `u` or `/`: an escape that writes characters in other bytes. */
function hasSpellingEscape(raw: Buffer): boolean {
  for (let at = raw.indexOf(0x5c); at >= 0 && at + 1 < raw.length; at = raw.indexOf(0x5c, at + 2)) {
    const next = raw[at + 1]
    if (next === 0x75 || next === 0x2f) return true
  }
  return false
}

/**
 * `body` (parsed from `raw`) with each of `secrets` scrubbed from every string and key (the
 * console's redactValue), or `body` itself when the answer holds none of them.
 */
export function withoutEchoedSecrets<T>(raw: Buffer | undefined, body: T, secrets: readonly (string | undefined)[]): T {
  const known = secrets.filter((secret): secret is string => typeof secret === 'string' && secret.length >= 6)
  if (known.length === 0 || body === null) return body
  if (typeof body === 'string') return redactValuesDeep(body, known)
  if (typeof body !== 'object') return body
  const text: Buffer | string = raw !== undefined && !hasSpellingEscape(raw) ? raw : (JSON.stringify(body) ?? '')
  const quoted = known.some((secret) => piecesOf(secret).some((piece) => text.includes(piece)))
  return quoted ? redactValuesDeep(body, known) : body
}
