// Defence in depth: code must never log a secret, but if one slips into a message this scrubs
// it. Exact values registered by the vault and token manager are replaced, and so is anything
// shaped like a bearer token, a JWT or an OAuth parameter carrying a secret.

//
// The registry holds secrets in memory, so it must not outlive them: owners forget values they no
// longer hold (rotated-out tokens, a forgotten connection, a finished sign-in's code), and
// everything is dropped when the vault is locked (forgetAllSecrets).

const known = new Set<string>()

/** Remember a secret value so that it is scrubbed from every log line and error message. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 6) known.add(value)
}

export function forgetSecret(value: string | undefined): void {
  if (value) known.delete(value)
}

/** Drops every registered value (the vault was locked: no secret should stay in memory). */
export function forgetAllSecrets(): void {
  known.clear()
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

export function redact(text: string): string {
  let out = text
  for (const secret of known) if (out.includes(secret)) out = out.split(secret).join('[redacted]')
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement)
  return out
}
