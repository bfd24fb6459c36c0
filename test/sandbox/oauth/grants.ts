// Authorization codes, grants, access and refresh tokens, with Zoom's rules: codes live 5 minutes
// and work once, refresh tokens rotate, re-authorizing an app for a user revokes the earlier grant,
// S2S tokens coexist until they expire.
import { createHash } from 'node:crypto'
import type { RegisteredApp } from '../apps'
import type { Clock } from '../clock'
import { mintCode, mintToken } from './tokens'

export interface Lifetimes {
  accessTokenSeconds: number
  refreshTokenSeconds: number
  codeSeconds: number
}

export interface AuthCodeInput {
  app: RegisteredApp
  redirectUri: string
  userIndex: number
  scopes: string[]
  codeChallenge?: string
  method?: 'S256' | 'plain'
}

interface AuthCode extends AuthCodeInput {
  expiresAt: number
  used: boolean
}

interface Grant {
  app: RegisteredApp
  userIndex: number
  scopes: string[]
  revoked: boolean
  refreshToken: string
  refreshExpiresAt: number
  accessTokens: Set<string>
}

export interface AccessRecord {
  app: RegisteredApp
  userIndex: number
  scopes: ReadonlySet<string>
  expiresAt: number
  revoked: boolean
  grant: Grant | undefined
}

export interface TokenSet {
  access_token: string
  token_type: 'bearer'
  refresh_token?: string
  expires_in: number
  scope: string
}

/** Zoom's token-endpoint error body. */
export interface OAuthError {
  status: number
  reason: string
  error: string
}

export type Outcome = { ok: true; tokens: TokenSet } | { ok: false; failure: OAuthError }

const INVALID_CODE: OAuthError = { status: 400, reason: 'Invalid authorization code', error: 'invalid_grant' }
const INVALID_TOKEN: OAuthError = { status: 400, reason: 'Invalid Token!', error: 'invalid_grant' }

export type Authentication = { ok: true; record: AccessRecord } | { ok: false; expired: boolean }

export class GrantStore {
  private readonly codes = new Map<string, AuthCode>()
  private readonly grantsByRefresh = new Map<string, Grant>()
  private readonly currentGrant = new Map<string, Grant>()
  private readonly access = new Map<string, AccessRecord>()

  constructor(
    private readonly clock: Clock,
    private readonly lifetimes: Lifetimes,
    private readonly userIdOf: (index: number) => string,
    private readonly accountId: string,
  ) {}

  issueCode(input: AuthCodeInput): string {
    const code = mintCode()
    this.codes.set(code, { ...input, expiresAt: this.clock.now() + this.lifetimes.codeSeconds * 1000, used: false })
    return code
  }

  exchangeCode(app: RegisteredApp, code: string, redirectUri: string | undefined, verifier: string | undefined): Outcome {
    const entry = this.codes.get(code)
    if (entry === undefined || entry.used || entry.app !== app || entry.expiresAt <= this.clock.now()) {
      return { ok: false, failure: INVALID_CODE }
    }
    // A failed attempt still burns the code: codes are single use, whatever happens.
    entry.used = true
    if (redirectUri !== entry.redirectUri) {
      return { ok: false, failure: { status: 400, reason: 'Redirect URI mismatch.', error: 'invalid_grant' } }
    }
    if (entry.codeChallenge !== undefined && !verifierMatches(entry.codeChallenge, entry.method ?? 'plain', verifier)) {
      return { ok: false, failure: { status: 400, reason: 'Invalid code verifier', error: 'invalid_grant' } }
    }
    // Re-authorizing the same app for the same user revokes that user's earlier grant (tolerance 1).
    const pairKey = `${app.key}:${entry.userIndex}`
    const previous = this.currentGrant.get(pairKey)
    if (previous !== undefined) this.revokeGrant(previous)
    const grant: Grant = {
      app, userIndex: entry.userIndex, scopes: entry.scopes, revoked: false,
      refreshToken: '', refreshExpiresAt: 0, accessTokens: new Set(),
    }
    this.currentGrant.set(pairKey, grant)
    return { ok: true, tokens: this.issueForGrant(grant) }
  }

  refresh(app: RegisteredApp, refreshToken: string): Outcome {
    const grant = this.grantsByRefresh.get(refreshToken)
    if (grant === undefined || grant.revoked || grant.app !== app || grant.refreshToken !== refreshToken) {
      return { ok: false, failure: INVALID_TOKEN }
    }
    if (grant.refreshExpiresAt <= this.clock.now()) return { ok: false, failure: INVALID_TOKEN }
    // Rotation: the old refresh token stops working the moment a new one is issued.
    this.grantsByRefresh.delete(refreshToken)
    return { ok: true, tokens: this.issueForGrant(grant) }
  }

  /** S2S: a new token each time; earlier ones stay valid until they expire (multi-token support). */
  issueAccountToken(app: RegisteredApp, ownerIndex: number): TokenSet {
    const { token, expiresIn } = this.mintAccess(app, ownerIndex, app.scopes, undefined)
    return { access_token: token, token_type: 'bearer', expires_in: expiresIn, scope: app.scopes.join(' ') }
  }

  authenticate(token: string): Authentication {
    const record = this.access.get(token)
    if (record === undefined || record.revoked || record.grant?.revoked === true) return { ok: false, expired: false }
    if (record.expiresAt <= this.clock.now()) return { ok: false, expired: true }
    return { ok: true, record }
  }

  /**
   * Revokes an access or refresh token of `app`, and the grant behind it (Zoom). With
   * `accessTokenOnly`, an access token is revoked alone and its grant's refresh token stays valid
   * (RFC 7009 §2.1 leaves that to the server).
   */
  revoke(app: RegisteredApp, token: string, options: { accessTokenOnly?: boolean } = {}): boolean {
    const record = this.access.get(token)
    if (record !== undefined && record.app === app) {
      record.revoked = true
      if (record.grant !== undefined && options.accessTokenOnly !== true) this.revokeGrant(record.grant)
      return true
    }
    const grant = this.grantsByRefresh.get(token)
    if (grant !== undefined && grant.app === app) {
      this.revokeGrant(grant)
      return true
    }
    return false
  }

  revokeAll(): void {
    for (const record of this.access.values()) record.revoked = true
    for (const grant of this.currentGrant.values()) this.revokeGrant(grant)
    this.codes.clear()
  }

  private issueForGrant(grant: Grant): TokenSet {
    const now = this.clock.now()
    const { token, expiresIn } = this.mintAccess(grant.app, grant.userIndex, grant.scopes, grant)
    grant.refreshExpiresAt = now + this.lifetimes.refreshTokenSeconds * 1000
    grant.refreshToken = mintToken({
      clientId: grant.app.clientId, userId: this.userIdOf(grant.userIndex), accountId: this.accountId,
      tokenType: 'refresh_token', issuedAtMs: now, expiresAtMs: grant.refreshExpiresAt,
    })
    this.grantsByRefresh.set(grant.refreshToken, grant)
    return { access_token: token, token_type: 'bearer', refresh_token: grant.refreshToken, expires_in: expiresIn, scope: grant.scopes.join(' ') }
  }

  private mintAccess(app: RegisteredApp, userIndex: number, scopes: string[], grant: Grant | undefined): { token: string; expiresIn: number } {
    const now = this.clock.now()
    const expiresIn = this.lifetimes.accessTokenSeconds
    const expiresAt = now + expiresIn * 1000
    const token = mintToken({
      clientId: app.clientId, userId: this.userIdOf(userIndex), accountId: this.accountId,
      tokenType: 'access_token', issuedAtMs: now, expiresAtMs: expiresAt,
    })
    this.pruneExpired(now)
    this.access.set(token, { app, userIndex, scopes: new Set(scopes), expiresAt, revoked: false, grant })
    grant?.accessTokens.add(token)
    return { token, expiresIn }
  }

  private revokeGrant(grant: Grant): void {
    grant.revoked = true
    this.grantsByRefresh.delete(grant.refreshToken)
    for (const token of grant.accessTokens) {
      const record = this.access.get(token)
      if (record !== undefined) record.revoked = true
    }
  }

  private lastPrune = 0

  /** Drops long-dead access tokens now and then, so long benchmarks don't grow memory. */
  private pruneExpired(now: number): void {
    if (now - this.lastPrune < 60_000 || this.access.size < 10_000) return
    this.lastPrune = now
    const horizon = now - 24 * 3600 * 1000
    for (const [token, record] of this.access) if (record.expiresAt < horizon) this.access.delete(token)
  }
}

function verifierMatches(challenge: string, method: 'S256' | 'plain', verifier: string | undefined): boolean {
  if (verifier === undefined || verifier === '') return false
  if (method === 'plain') return verifier === challenge
  return createHash('sha256').update(verifier).digest('base64url') === challenge
}
