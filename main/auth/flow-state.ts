// The OAuth `state` parameter: random, bound to one pending flow, compared in constant time.
import { randomBytes } from 'node:crypto'
import { equalInConstantTime } from '../constant-time'

export function generateState(): string {
  return randomBytes(32).toString('base64url')
}

/** The state received at the redirect is the one this flow sent (compared in constant time). */
export const statesEqual = equalInConstantTime
