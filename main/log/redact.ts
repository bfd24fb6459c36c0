// Defence in depth: code must never log a secret, but if one slips into a message this scrubs
// it. Exact values registered by the vault and token manager are replaced, and so is any piece of
// at least FRAGMENT_LENGTH characters of one (a server quoting part of a token, a message cut
// short) in any letter case, reversed, base64-encoded or with invisible characters inserted, and
// anything shaped like a bearer token, a JWT or an OAuth parameter carrying a secret.
//
// The registry holds secrets in memory, so it must not outlive them: owners forget values they no
// longer hold (rotated-out tokens, a forgotten connection, a finished sign-in's code), and
// everything is dropped when the vault is locked (forgetAllSecrets).
import { setOwnMember } from '../../common/own-member'
import { base64Forms } from '../../common/base64-forms'

/** Pieces of a registered secret at least this long are scrubbed too. */
export const FRAGMENT_LENGTH = 8

/**
 * Registered values, each with the forms it is looked for in. A server quoting a secret back may
 * change it: base64 or base64url (the Basic header, a "helpful" echo), reversed, another letter
 * case. Forms are kept ASCII-case-folded, and text is folded the same way before matching.
 */
const known = new Map<string, string[]>()
/** Every FRAGMENT_LENGTH-character window of every form, with how many forms have it. */
const fragments = new Map<string, number>()
/** Forms shorter than FRAGMENT_LENGTH (a six-character value), matched whole. */
const shortForms = new Map<string, number>()

/** What text is matched against: the registry's, or one value's (valueRedactor). */
interface FormIndex {
  fragments: Map<string, number>
  shortForms: Map<string, number>
}
const REGISTERED: FormIndex = { fragments, shortForms }

/** Lower-cases A–Z only, so every character keeps its position (a match maps back to the original text). */
const fold = (text: string): string => text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase())

/**
 * Characters that show as nothing (zero-width spaces and joiners, bidi marks, soft hyphens,
 * variation selectors): a server inserting them into a quoted secret would hide it from matching.
 */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu

function formsOf(value: string): string[] {
  return [...new Set([value, [...value].reverse().join(''), ...base64Forms(value)].map(fold))]
}

function count(map: Map<string, number>, key: string, delta: 1 | -1): void {
  const n = (map.get(key) ?? 0) + delta
  if (n > 0) map.set(key, n)
  else map.delete(key)
}

function indexForms(forms: readonly string[], delta: 1 | -1, index: FormIndex = REGISTERED): void {
  for (const form of forms) {
    if (form.length < FRAGMENT_LENGTH) count(index.shortForms, form, delta)
    for (let i = 0; i + FRAGMENT_LENGTH <= form.length; i++) count(index.fragments, form.slice(i, i + FRAGMENT_LENGTH), delta)
  }
}

function remember(key: string, forms: string[]): void {
  if (known.has(key)) return
  known.set(key, forms)
  indexForms(forms, 1)
}

/** Remember a secret value so that it is scrubbed from every log line and error message. */
export function registerSecret(value: string | undefined): void {
  if (!value || value.length < 6) return
  remember(value, formsOf(value))
}

/**
 * Remember a client's secret and the ways `clientId:secret` travels in a Basic header (as is and
 * form-encoded, base64 and base64url). The pair itself is not a form: its start is the Client ID,
 * which is no secret and is shown everywhere.
 */
export function registerClientCredentials(clientId: string, secret: string, encode: (part: string) => string = (part) => part): void {
  registerSecret(secret)
  if (secret.length < 6) return
  const pairs = [...new Set([`${clientId}:${secret}`, `${encode(clientId)}:${encode(secret)}`])]
  const encoded = pairs.flatMap((pair) => base64Forms(pair))
  remember(`client-credentials\n${clientId}\n${secret}`, [...new Set(encoded.map(fold))])
}

export function forgetSecret(value: string | undefined): void {
  const forms = value === undefined ? undefined : known.get(value)
  if (value === undefined || forms === undefined) return
  known.delete(value)
  indexForms(forms, -1)
}

/** Drops every registered value (the vault was locked: no secret should stay in memory). */
export function forgetAllSecrets(): void {
  known.clear()
  fragments.clear()
  shortForms.clear()
}

/** Whether a value is registered (tests, and owners sharing a value). */
export function isRegisteredSecret(value: string): boolean {
  return known.has(value)
}

/** How many values are registered (tests check the registry stays bounded). */
export function registeredSecretCount(): number {
  return known.size
}

const PATTERNS: [RegExp, string][] = [
  [/(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]'],
  [/eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, '[redacted-jwt]'],
  // A bare true, false or null after such a name is a JSON literal, not a secret: replacing it
  // would turn a request body kept in the console's history into text that is not JSON.
  // `code` (OAuth's authorization code) only as a name of its own: as the end of a longer name
  // (country_code, zip_code, error_code) it names Zoom's ordinary data, which must survive.
  // `passcode` is what Zoom calls a meeting's or recording's password: it joins or plays as well.
  [/((?:access_token|refresh_token|client_secret|code_verifier|(?<![A-Za-z0-9_-])code|password|passcode|passphrase)["']?\s*[=:]\s*["']?)(?!(?:true|false|null)(?![^&"'\s,}]))[^&"'\s,}]+/gi, '$1[redacted]'],
]

const REDACTED = '[redacted]'

export function redact(text: string): string {
  let out = scrubForms(text, REGISTERED)
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement)
  return out
}

/**
 * A scrubber of `values` (registered or not) in any of the forms `redact` looks for: whole, in
 * pieces of FRAGMENT_LENGTH or more (a copy cut short), reversed, base64, another letter case,
 * invisible characters inserted. Only these values are looked for: no pattern, so a server's own
 * words (a `"code": 124`) are kept. Their forms are indexed once, for many texts (an answer's body
 * and headers). For text shown to a person, such as an answer that quotes a token.
 */
export function valueRedactor(values: readonly (string | undefined)[]): (text: string) => string {
  const index: FormIndex = { fragments: new Map(), shortForms: new Map() }
  for (const value of values) if (value && value.length >= 6) indexForms(formsOf(value), 1, index)
  if (index.fragments.size === 0 && index.shortForms.size === 0) return (text) => text
  return (text) => scrubForms(text, index)
}

/**
 * A copy of `value` with every string in it, and every key, scrubbed of `values` as valueRedactor
 * does (objects and arrays walked, other values kept, anything nested past MAX_DEPTH dropped):
 * for data a server wrote that may quote a credential it was sent.
 */
export function redactValuesDeep<T>(value: T, values: readonly (string | undefined)[]): T {
  return walk(value, 0, valueRedactor(values), true) as T
}

/** Registered forms scrubbed, then, should any hide behind invisible characters, the text without them scrubbed again. */
function scrubForms(text: string, index: FormIndex): string {
  const out = redactRegistered(text, index)
  const visible = out.replace(INVISIBLE, '')
  if (visible === out) return out
  // Only when something hides behind invisible characters is the text shown without them.
  const scrubbed = redactRegistered(visible, index)
  return scrubbed !== visible ? scrubbed : out
}

/**
 * A run of at least `minLength` characters that looks like a code rather than words (letters and
 * digits mixed, or letters of both cases, in the alphabets tokens and base64 use). Text a server
 * wrote with such a run may be quoting a credential in a form no registry can know.
 */
export function hasOpaqueRun(text: string, minLength = 20): boolean {
  const runs = text.replace(INVISIBLE, '').match(new RegExp(`[A-Za-z0-9+/=_~.-]{${minLength},}`, 'g')) ?? []
  return runs.some((run) => /\d/.test(run) || (/[a-z]/.test(run) && /[A-Z]/.test(run)))
}

/** Replaces every run of text made of overlapping registered forms or their fragments, in any ASCII letter case. */
function redactRegistered(text: string, index: FormIndex): string {
  if ((index.fragments.size === 0 && index.shortForms.size === 0) || text.length < 6) return text
  const folded = fold(text)
  const ranges: [number, number][] = []
  for (const form of index.shortForms.keys()) {
    for (let at = folded.indexOf(form); at >= 0; at = folded.indexOf(form, at + 1)) ranges.push([at, at + form.length])
  }
  for (let i = 0; i + FRAGMENT_LENGTH <= folded.length; i++) {
    if (index.fragments.has(folded.slice(i, i + FRAGMENT_LENGTH))) ranges.push([i, i + FRAGMENT_LENGTH])
  }
  if (ranges.length === 0) return text
  ranges.sort((a, b) => a[0] - b[0])
  let out = ''
  let copiedUpTo = 0
  let runStart = ranges[0]![0]
  let runEnd = ranges[0]![1]
  for (const [start, end] of ranges.slice(1)) {
    if (start > runEnd) {
      out += text.slice(copiedUpTo, runStart) + REDACTED
      copiedUpTo = runEnd
      runStart = start
    }
    runEnd = Math.max(runEnd, end)
  }
  return out + text.slice(copiedUpTo, runStart) + REDACTED + text.slice(runEnd)
}

/**
 * A copy of `value` with every string in it redacted (objects and arrays walked, other values
 * kept): for errors, events and records that carry text a server wrote.
 */
export function redactDeep<T>(value: T): T {
  return walk(value, 0, redact, false) as T
}

const MAX_DEPTH = 32

/** `strict`: keys are scrubbed too, and anything nested deeper than MAX_DEPTH is dropped for REDACTED rather than kept unread. */
function walk(value: unknown, depth: number, scrub: (text: string) => string, strict: boolean): unknown {
  if (typeof value === 'string') return scrub(value)
  if (typeof value !== 'object' || value === null) return value
  if (depth > MAX_DEPTH) return strict ? REDACTED : value
  if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1, scrub, strict))
  // Plain data only (what crosses the bridge or goes to a JSON file); anything else is left as is.
  const proto: unknown = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return value
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) setOwnMember(copy, strict ? scrub(key) : key, walk(item, depth + 1, scrub, strict))
  return copy
}
