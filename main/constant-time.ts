// Comparing a secret-derived value (an OAuth state, a MAC, a webhook signature) with what was
// received, in constant time: hashing both first makes their lengths equal without leaking either.
import { createHash, timingSafeEqual } from 'node:crypto'

export function equalInConstantTime(expected: string, received: string): boolean {
  const a = createHash('sha256').update(expected, 'utf8').digest()
  const b = createHash('sha256').update(received, 'utf8').digest()
  return timingSafeEqual(a, b)
}
