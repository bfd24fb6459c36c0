// Token strings that look like Zoom's (HS512-style JWTs) but are opaque to the sandbox itself:
// it finds them by exact lookup, so clients that try to parse them gain nothing.
import { randomBytes } from 'node:crypto'

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS512', v: '2.0', kid: 'sandbox' })).toString('base64url')

export type TokenType = 'access_token' | 'refresh_token'

export interface TokenClaims {
  clientId: string
  userId: string
  accountId: string
  tokenType: TokenType
  issuedAtMs: number
  expiresAtMs: number
}

export function mintToken(claims: TokenClaims): string {
  const payload = {
    ver: 9,
    clientId: claims.clientId,
    iss: `urn:zoom:connect:clientid:${claims.clientId}`,
    aud: 'https://oauth.zoom.us',
    userId: claims.userId,
    accountId: claims.accountId,
    tokenType: claims.tokenType,
    nbf: Math.floor(claims.issuedAtMs / 1000),
    iat: Math.floor(claims.issuedAtMs / 1000),
    exp: Math.floor(claims.expiresAtMs / 1000),
    jti: randomBytes(12).toString('hex'),
  }
  return `${HEADER}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${randomBytes(32).toString('base64url')}`
}

export function mintCode(): string {
  return randomBytes(24).toString('base64url')
}
