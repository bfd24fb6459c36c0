// PKCE (RFC 7636): a fresh verifier per authorization attempt, and its challenge.
import { createHash, randomBytes } from 'node:crypto'
import type { PkceMethod } from '../../common/profile'
import { registerSecret } from '../log/redact'

/** 43–128 characters from the unreserved set (RFC 7636 §4.1). */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/

export type ChallengeMethod = Exclude<PkceMethod, 'none'>

export interface Pkce {
  verifier: string
  challenge: string
  method: ChallengeMethod
}

export function isValidCodeVerifier(verifier: string): boolean {
  return VERIFIER.test(verifier)
}

/** 32 random octets, base64url without padding: 43 characters, the RFC's recommendation. */
export function generateCodeVerifier(): string {
  return randomBytes(32).toString('base64url')
}

export function codeChallenge(verifier: string, method: ChallengeMethod): string {
  if (!isValidCodeVerifier(verifier)) throw new RangeError('A PKCE code verifier is 43–128 unreserved characters')
  // base64url in Node never pads, which is what RFC 7636 requires (Postman #11118 got this wrong).
  return method === 'S256' ? createHash('sha256').update(verifier, 'ascii').digest('base64url') : verifier
}

/** A new verifier and challenge, or undefined when the profile opted out of PKCE. */
export function createPkce(method: PkceMethod): Pkce | undefined {
  if (method === 'none') return undefined
  const verifier = generateCodeVerifier()
  registerSecret(verifier)
  return { verifier, challenge: codeChallenge(verifier, method), method }
}
