// A JSON answer that quotes the profile's own access or refresh token back (a hostile server in
// the allowed domains, or a buggy one reflecting the request) must not hand it on: the rows of a
// crawl are stored, shown in the grid and the drawer, exported and sent over the bridge. Every
// JSON answer of the Zoom client passes here before anyone reads it.
//
// Scrubbing every string of every page as valueRedactor does (any piece of 8 characters, any letter
// case, reversed, base64) costs more than parsing the page, on every page of every crawl. So the
// answer's bytes are searched first, natively, for the last 24 characters of each secret (a JWT's
// signature: no other value has them), which any quote of the whole token holds, and only an
// answer that has one is scrubbed, then fully. JSON escapes (`\u0065`, `\/`) could spell a secret
// in other bytes: an answer with one is searched as the text JSON.stringify gives back instead,
// which has none (a page kept as bytes, stored as Zoom wrote it, is searched with its escapes
// written out instead: its text keeps what JSON.parse drops). What this does not see: a quote of
// only part of a token without its end, or one in another letter case, on a page that quotes
// nothing else. A whole token in base64, base64url or reversed is a credential once decoded, so
// the ends of those forms are searched for too.
// Cost: about half a millisecond per megabyte.
import { AppError } from '../../common/errors'
import { base64Forms } from '../../common/base64-forms'
import { redactValuesDeep } from '../log/redact'

/** The secrets worth looking for: distinct, and long enough not to match ordinary text. */
const knownSecrets = (secrets: readonly (string | undefined)[]): string[] => [...new Set(secrets)].filter((secret): secret is string => typeof secret === 'string' && secret.length >= 6)

/** Long enough not to occur in ordinary data by chance. */
const PIECE = 24

/** UTF-8 as the envelope scan reads it: a byte-order mark dropped (Buffer's toString keeps it). */
const decoder = new TextDecoder()

const ESCAPES = [Buffer.from('\\u'), Buffer.from('\\/')]

/** A backslash followed by `u` or `/`: an escape that writes characters in other bytes (an escaped backslash before them counts too; it only costs the slower search). */
const hasSpellingEscape = (raw: Buffer): boolean => ESCAPES.some((escape) => raw.includes(escape))

/** The piece of a text looked for: its end, or all of a short one. */
const tailOf = (text: string): string => (text.length <= PIECE * 2 ? text : text.slice(-PIECE))

/**
 * The pieces of a secret looked for: the end of the secret, and of the forms a reader turns back
 * into it at once (base64, base64url, reversed). A quote of the whole secret in one of these forms
 * holds that form's end, whatever else the page says.
 */
const piecesOf = (secret: string): string[] => {
  const [base64, base64url] = base64Forms(secret)
  return [...new Set([tailOf(secret), tailOf([...secret].reverse().join('')), tailOf(base64), tailOf(base64url)])]
}

/** Whether `text` holds `piece`; an ASCII piece is searched for as latin1 (the same bytes as UTF-8, and the faster native search). */
function holds(text: Buffer | string, piece: string): boolean {
  if (typeof text === 'string') return text.includes(piece)
  return /^[\x20-\x7e]*$/.test(piece) ? text.includes(piece, 0, 'latin1') : text.includes(piece)
}

/**
 * `body` (parsed from `raw`) with each of `secrets` scrubbed from every string and key (the
 * console's valueRedactor), or `body` itself when the answer holds none of them.
 */
export function withoutEchoedSecrets<T>(raw: Buffer | undefined, body: T, secrets: readonly (string | undefined)[]): T {
  const known = knownSecrets(secrets)
  if (known.length === 0 || body === null) return body
  if (typeof body === 'string') return redactValuesDeep(body, known)
  if (typeof body !== 'object') return body
  const text: Buffer | string = raw !== undefined && !hasSpellingEscape(raw) ? raw : (JSON.stringify(body) ?? '')
  const quoted = known.some((secret) => piecesOf(secret).some((piece) => holds(text, piece)))
  return quoted ? redactValuesDeep(body, known) : body
}

/**
 * The text of a JSON answer with the escapes that could spell a secret written out (`\u0065` → e,
 * `\/` → /), members JSON.parse drops included (the first of a member given twice): a page kept as
 * bytes is stored as Zoom wrote it, so whatever its text spells is what a reader of it gets. An
 * escaped backslash before `u` is written out too: that only makes a scrub more likely.
 */
const spelledOut = (raw: Buffer): string => decoder.decode(raw).replace(/\\(?:u([0-9a-fA-F]{4})|\/)/g, (_, hex: string | undefined) => (hex === undefined ? '/' : String.fromCharCode(parseInt(hex, 16))))

/**
 * The bytes of a JSON answer with each of `secrets` scrubbed from every string and key (as
 * withoutEchoedSecrets does), written again as JSON (a member given twice then once, as JSON.parse
 * reads it); or the bytes themselves when their text quotes none (searched as they are, without
 * parsing them, or with their escapes written out when they have any). An answer to scrub that is
 * not JSON is refused.
 */
export function bytesWithoutEchoedSecrets(raw: Buffer, secrets: readonly (string | undefined)[]): Buffer {
  const known = knownSecrets(secrets)
  if (known.length === 0) return raw
  const text = hasSpellingEscape(raw) ? spelledOut(raw) : raw
  if (!known.some((secret) => piecesOf(secret).some((piece) => holds(text, piece)))) return raw
  let body: unknown
  try {
    body = JSON.parse(decoder.decode(raw))
  } catch {
    throw new AppError('ZOOM_RESPONSE_INVALID', "Zoom's answer is not valid JSON (truncated or not JSON at all).")
  }
  return Buffer.from(JSON.stringify(redactValuesDeep(body, known)) ?? 'null', 'utf8')
}

/**
 * Whether the bytes of an answer that is not text quote one of `secrets` in any form a reader
 * turns back into it: whole, base64, base64url, reversed, upper or lower case, each as single
 * bytes (ASCII, UTF-8, Latin-1) or as UTF-16 in either byte order at any offset. Bytes cannot be
 * scrubbed without corrupting them, so such an answer is not kept to be saved. Searched natively
 * for the end of each form, as above (a 2 MB answer in a few milliseconds; reading it as text and
 * scrubbing it as the text view does takes the main process most of a second): what this does
 * not see is a quote of only part of a token without its end.
 */
export function bytesQuoteSecret(bytes: Buffer, secrets: readonly (string | undefined)[]): boolean {
  return knownSecrets(secrets).some((secret) => {
    const pieces = new Set([...piecesOf(secret), tailOf(secret.toUpperCase()), tailOf(secret.toLowerCase())])
    return [...pieces].some((piece) => {
      const utf16 = Buffer.from(piece, 'utf16le')
      return bytes.includes(Buffer.from(piece, 'utf8')) || bytes.includes(utf16) || bytes.includes(Buffer.from(utf16).swap16())
    })
  })
}
