// Canary scanning: recognisable secrets are seeded, then every place a secret must never reach
// is searched for them in the encodings a leak would take.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

/** Every sandbox token is a JWT-like string starting with this header (test/sandbox/oauth/tokens.ts). */
export const SANDBOX_TOKEN_PREFIX = `${Buffer.from(JSON.stringify({ alg: 'HS512', v: '2.0', kid: 'sandbox' })).toString('base64url')}.`

export function encodings(secret: string): string[] {
  return [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1), Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('hex')]
}

/** Which of the needles occur in the text, in any of their encodings. */
export function findCanaries(text: string, needles: string[]): string[] {
  return needles.filter((needle) => encodings(needle).some((form) => text.includes(form)))
}

/** All files under dir, as text. */
export async function readAllFiles(dir: string): Promise<{ path: string; text: string }[]> {
  const out: { path: string; text: string }[] = []
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    out.push({ path, text: (await readFile(path)).toString('latin1') })
  }
  return out
}

/**
 * Which secrets have a piece of at least `length` characters in the text: a server that quotes
 * part of a token, or a message cut short, leaks a fragment rather than the whole value.
 */
export function findFragments(text: string, secrets: string[], length = 8): string[] {
  return secrets.filter((secret) => {
    for (let i = 0; i + length <= secret.length; i++) if (text.includes(secret.slice(i, i + length))) return true
    return false
  })
}
