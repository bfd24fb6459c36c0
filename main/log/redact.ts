// Defence in depth: code must never log a secret, but if one slips into a message this scrubs
// it. Exact values registered by the vault and token manager are replaced, and so is any piece of
// at least FRAGMENT_LENGTH characters of one (a server quoting part of a token, a message cut
// short), and anything shaped like a bearer token, a JWT or an OAuth parameter carrying a secret.
//
// The registry holds secrets in memory, so it must not outlive them: owners forget values they no
// longer hold (rotated-out tokens, a forgotten connection, a finished sign-in's code), and
// everything is dropped when the vault is locked (forgetAllSecrets).

/** Pieces of a registered secret at least this long are scrubbed too. */
export const FRAGMENT_LENGTH = 8

const known = new Set<string>()
/** Every FRAGMENT_LENGTH-character window of every registered value, with how many values have it. */
const fragments = new Map<string, number>()

function indexFragments(value: string, delta: 1 | -1): void {
  for (let i = 0; i + FRAGMENT_LENGTH <= value.length; i++) {
    const piece = value.slice(i, i + FRAGMENT_LENGTH)
    const count = (fragments.get(piece) ?? 0) + delta
    if (count > 0) fragments.set(piece, count)
    else fragments.delete(piece)
  }
}

/** Remember a secret value so that it is scrubbed from every log line and error message. */
export function registerSecret(value: string | undefined): void {
  if (!value || value.length < 6 || known.has(value)) return
  known.add(value)
  indexFragments(value, 1)
}

export function forgetSecret(value: string | undefined): void {
  if (value && known.delete(value)) indexFragments(value, -1)
}

/** Drops every registered value (the vault was locked: no secret should stay in memory). */
export function forgetAllSecrets(): void {
  known.clear()
  fragments.clear()
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
  [/((?:access_token|refresh_token|client_secret|code_verifier|code|password|passphrase)["']?\s*[=:]\s*["']?)[^&"'\s,}]+/gi, '$1[redacted]'],
]

const REDACTED = '[redacted]'

export function redact(text: string): string {
  let out = text
  for (const secret of known) if (out.includes(secret)) out = out.split(secret).join(REDACTED)
  out = redactFragments(out)
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement)
  return out
}

/** Replaces every run of text made of overlapping registered fragments. */
function redactFragments(text: string): string {
  if (fragments.size === 0 || text.length < FRAGMENT_LENGTH) return text
  let out = ''
  let copiedUpTo = 0
  let runStart = -1
  let runEnd = -1
  for (let i = 0; i + FRAGMENT_LENGTH <= text.length; i++) {
    if (!fragments.has(text.slice(i, i + FRAGMENT_LENGTH))) continue
    if (i > runEnd) {
      if (runStart >= 0) {
        out += text.slice(copiedUpTo, runStart) + REDACTED
        copiedUpTo = runEnd
      }
      runStart = i
    }
    runEnd = i + FRAGMENT_LENGTH
  }
  if (runStart < 0) return text
  return out + text.slice(copiedUpTo, runStart) + REDACTED + text.slice(runEnd)
}

/**
 * A copy of `value` with every string in it redacted (objects and arrays walked, other values
 * kept): for errors, events and records that carry text a server wrote.
 */
export function redactDeep<T>(value: T): T {
  return walk(value, 0) as T
}

const MAX_DEPTH = 32

function walk(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redact(value)
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return value
  if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1))
  // Plain data only (what crosses the bridge or goes to a JSON file); anything else is left as is.
  const proto: unknown = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return value
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) copy[key] = walk(item, depth + 1)
  return copy
}
