// The OAuth `state` parameter: random, bound to one pending flow, compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export function generateState(): string {
  return randomBytes(32).toString('base64url')
}

/** Constant-time comparison; hashing first makes the lengths equal without leaking them. */
export function statesEqual(expected: string, received: string): boolean {
  const a = createHash('sha256').update(expected, 'utf8').digest()
  const b = createHash('sha256').update(received, 'utf8').digest()
  return timingSafeEqual(a, b)
}
