// getAccessToken (DESIGN.md "Token manager"): a cached token while it is fresh; otherwise one
// renewal per profile however many callers wait (single-flight); the renewed set is written to
// the vault before anyone sees the new access token; only invalid_grant ends a grant; anything
// else keeps the tokens and backs off.
//
// Every step of a profile's credential lifecycle (load, connect, renew, forget — and the profile
// service's edit and delete) runs in the profile's lane (profile-lanes.ts), and a token set is
// used or saved only while it belongs to the profile as it is then (grant-identity.ts).
import { AppError, isAppError } from '../../common/errors'
import { crossFieldIssues, type Profile } from '../../common/profile'
import { describeIssues } from '../../common/validation'
import type { PendingSecrets } from './pending-secrets'
import type { Settings } from '../../common/contract/settings'
import { mintServerToServer, refreshAccessToken } from '../auth/grants'
import { isTokenEndpointError } from '../auth/token-endpoint-error'
import type { OAuthClient, TokenEndpointClient } from '../auth/token-endpoint'
import type { Logger } from '../log/logger'
import type { AccessToken, AccessTokenOptions, TokenProvider } from '../net/token-port'
import { registerSecret } from '../log/redact'
import { credentialBinding } from '../profiles/credential-binding'
import type { ProfileLookup } from '../profiles/profile-lookup'
import type { Clock, Scheduler } from '../ports'
import { abortable } from './abortable'
import { settleBound } from './settle-bound'
import { tokenRetryDelay } from './backoff'
import type { ConnectionBook } from './connection-book'
import { grantIdentityOf, sameGrant } from './grant-identity'
import type { ProfileLanes } from './profile-lanes'
import { RegisteredTokens } from './registered-tokens'
import type { SecretStore } from './secret-store'
import type { Timeline } from './timeline'
import { parseTokenSet, renewAt, serializeTokenSet, tokenSetFromResult, type TokenSet } from './token-set'
import { isUndecryptable, isVaultLocked } from './vault-failure'

// The token types are the HTTP stack's port (main/net/token-port.ts); re-exported for the token manager's callers.
export type { AccessToken, AccessTokenOptions, TokenProvider }

export interface TokenManagerDeps {
  profiles: ProfileLookup
  secrets: SecretStore
  endpoint: TokenEndpointClient
  book: ConnectionBook
  timeline: Timeline
  clock: Clock
  /** Times the bound of settle() (tests move it with the clock). */
  scheduler: Scheduler
  settings: () => Pick<Settings, 'refreshSkewSeconds'>
  log: Logger
  /** Shared with the profile service, whose edits and deletes run in the same lanes. */
  lanes: ProfileLanes
  /** A new secret waiting for a successful connect (see pending-secrets.ts). */
  pendingSecrets?: PendingSecrets
}

interface Failure {
  until: number
  attempts: number
  error: AppError
}

export class TokenManager implements TokenProvider {
  private readonly cache = new Map<string, TokenSet>()
  /** Sets received from Zoom whose vault write failed (and how they came): saved before they are ever used. */
  private readonly unsaved = new Map<string, 'connect' | 'refresh'>()
  private readonly inflight = new Map<string, Promise<TokenSet>>()
  private readonly failures = new Map<string, Failure>()
  /** Work outside the lanes whose tokens must still reach the vault (a sign-in's code exchange): settle() waits for it. */
  private readonly unsettled = new Set<Promise<unknown>>()
  /** Bumped when a profile's tokens are replaced or forgotten: older renewals are discarded. */
  private readonly generations = new Map<string, number>()
  /** The token values the log redactor knows: bounded, dropped with the connection or on lock. */
  private readonly registered = new RegisteredTokens()

  constructor(private readonly deps: TokenManagerDeps) {}

  async getAccessToken(profileId: string, options: AccessTokenOptions = {}): Promise<AccessToken> {
    options.signal?.throwIfAborted()
    const cached = this.cache.get(profileId)
    const force = options.forceRefresh === true && (options.rejectedToken === undefined || cached === undefined || cached.accessToken === options.rejectedToken)
    if (cached && !force && !this.unsaved.has(profileId) && this.isFresh(cached) && !this.inflight.has(profileId) && !this.grantEnded(profileId) && sameGrant(cached, this.deps.profiles.get(profileId))) {
      return toAccessToken(cached)
    }
    // Already in the profile's lane (nested work): a renewal queued behind us would wait for us.
    if (this.deps.lanes.holds(profileId)) return toAccessToken(await this.obtain(profileId, force))
    const flight = (renew: boolean) => abortable(this.singleFlight(profileId, () => this.deps.lanes.run(profileId, () => this.obtain(profileId, renew))), options.signal)
    let set = await flight(force)
    // A forced renewal that joined a flight which only loaded the stored set (the cache was empty)
    // got the refused token back: it renews it now (callers refused together still share one renewal).
    if (force && options.rejectedToken !== undefined && set.accessToken === options.rejectedToken) set = await flight(true)
    return toAccessToken(set)
  }

  /** The access and refresh tokens held in memory for the profile, so an answer quoting them back can be scrubbed (TokenProvider). */
  currentSecrets(profileId: string): readonly string[] {
    const set = this.cache.get(profileId)
    return set ? [set.accessToken, ...(set.refreshToken ? [set.refreshToken] : [])] : []
  }

  /**
   * The stored token set without any token request; undefined when not connected. For 'use'
   * (validation), a set whose vault write failed is saved first — or this throws the write's
   * error — like getAccessToken: nothing is used before it is durable. For 'revoke', the set is
   * handed out as it is: revoking must not depend on the vault accepting a write.
   */
  async storedTokens(profileId: string, purpose: 'use' | 'revoke' = 'use'): Promise<{ set: TokenSet; profile: Profile } | undefined> {
    return this.deps.lanes.run(profileId, async () => {
      const profile = await this.profileForUse(profileId)
      const set = await this.load(profileId)
      // A set minted for other endpoints, client or account is sent nowhere, not even to revoke it.
      if (!set || !sameGrant(set, profile)) return undefined
      const unsaved = this.unsaved.get(profileId)
      if (unsaved && purpose === 'use') await this.save(profileId, set, unsaved)
      return { set, profile }
    })
  }

  /**
   * Server-to-Server "connect": mints a token now, for the profile as it is when its turn comes
   * (an edit or delete queued before it has landed). Failures are reported by the caller.
   */
  connectServerToServer(profileId: string, signal?: AbortSignal): Promise<TokenSet> {
    return this.deps.lanes.run(profileId, async () => {
      const profile = await this.profileForUse(profileId)
      if (profile.grant !== 's2s') throw new AppError('VALIDATION', `"${profile.name}" is not a Server-to-Server profile`)
      const mine = this.bump(profileId)
      this.deps.book.attemptBegan(profileId, 'connecting')
      const client = await this.clientOf(profile, { connecting: true })
      const identity = grantIdentityOf(profile)
      const result = await mintServerToServer(this.deps.endpoint, identity.oauthBase, client, profile.accountId, signal)
      const set = tokenSetFromResult(result, identity)
      // Kept only for the profile it was minted for, as it still is.
      if (this.generation(profileId) !== mine || !this.exists(profileId) || !sameGrant(set, this.deps.profiles.get(profileId))) {
        this.registered.release([set.accessToken])
        throw new AppError('CANCELLED', 'The connection changed while its token was being issued; it was not kept')
      }
      await this.adoptPendingSecret(profileId, client)
      await this.save(profileId, set, 'connect')
      this.deps.timeline.add({ profileId, at: this.deps.clock.now(), kind: 'token', outcome: 'ok', detail: `Server-to-Server token issued, valid until ${iso(set.expiresAt)}` })
      return set
    })
  }

  /**
   * Where the profile's tokens stand: it changes whenever they are replaced or forgotten. A flow
   * that takes a while (a sign-in) notes it at the start and hands it to adopt().
   */
  generationOf(profileId: string): number {
    return this.generation(profileId)
  }

  /**
   * A finished authorization-code flow: replaces whatever the profile had — unless, since
   * `since` (generationOf when the flow started), the profile was deleted or its tokens were
   * forgotten (disconnect, another client) or replaced. Then nothing is stored and the answer is
   * 'stale': the caller revokes and drops the set, it belongs to nobody any more.
   */
  async adopt(profileId: string, set: TokenSet, since?: number, client?: OAuthClient): Promise<'adopted' | 'stale'> {
    return this.deps.lanes.run(profileId, async () => {
      // Whatever was queued before us and forgot the tokens, deleted or re-pointed the profile wins.
      if ((since !== undefined && this.generation(profileId) !== since) || !this.exists(profileId)) return 'stale'
      if (!sameGrant(set, this.deps.profiles.get(profileId))) return 'stale'
      this.bump(profileId)
      await this.save(profileId, set, 'connect')
      // In the same lane turn: a delete queued behind us must find the new secret stored, to remove it.
      if (client) await this.adoptPendingSecret(profileId, client)
      return 'adopted'
    })
  }

  /**
   * Before the vault is locked or the app quits: waits for renewals, connects and edits in flight —
   * a rotated refresh token lives only in memory until its vault write is done — then writes any
   * set whose vault write failed. The wait ends after `boundMs`, unless a token request is still on
   * the wire: that one is waited for, up to its own timeout (settle-bound.ts). What still cannot be
   * written stays in memory (and is written at the next use after an unlock).
   */
  async settle(boundMs: number): Promise<void> {
    const bound = settleBound(this.deps.scheduler, boundMs, this.deps.endpoint)
    const quiet = async () => {
      do {
        await Promise.allSettled([...this.unsettled])
        await this.deps.lanes.idle()
      } while (this.unsettled.size > 0)
    }
    await Promise.race([quiet(), bound.reached])
    bound.cancel()
    for (const [profileId, kind] of [...this.unsaved]) {
      const set = this.cache.get(profileId)
      // Past the bound, a lane still at work (a forget, an edit) owns its profile: writing here
      // could bring back a set it is removing. Its set stays in memory, as for a failed write.
      if (!set || this.deps.lanes.busy(profileId) || !this.exists(profileId) || !sameGrant(set, this.deps.profiles.get(profileId))) continue
      try {
        await this.save(profileId, set, kind)
      } catch (error) {
        this.deps.log.warn('Renewed tokens could not be saved before locking; they stay in memory', { profileId, error })
      }
    }
  }

  /**
   * Runs work that obtains tokens outside the profile's lane (a code exchange, then adopt()):
   * settle() — locking the vault, quitting — waits for it like for a renewal in flight.
   */
  untilSettled<T>(work: () => Promise<T>): Promise<T> {
    const running = work()
    const tracked = running.finally(() => this.unsettled.delete(tracked))
    this.unsettled.add(tracked)
    return tracked
  }

  /**
   * Drops every token held in memory (the vault was locked): the next use reads the vault again,
   * and the log redactor forgets every value it was given (they are no longer held either).
   */
  dropCache(): void {
    // A set whose vault write failed is the only copy of a rotated refresh token: it stays.
    for (const id of [...this.cache.keys()]) if (!this.unsaved.has(id)) this.cache.delete(id)
    this.registered.dropAll([...this.cache.entries()])
  }

  /** A set obtained but not kept (a sign-in overtaken by a delete or disconnect), once dealt with. */
  discard(set: TokenSet): void {
    this.registered.release([set.accessToken, set.refreshToken])
  }

  /** Forgets the profile's tokens (after a revoke, a delete or a change of client). */
  async forget(profileId: string): Promise<void> {
    this.bump(profileId)
    await this.deps.lanes.run(profileId, async () => {
      this.bump(profileId)
      // The vault first: until it no longer holds the set, nothing may look disconnected.
      if (this.deps.secrets.hasSecret(profileId, 'tokens')) await this.deps.secrets.deleteSecret(profileId, 'tokens')
      this.cache.delete(profileId)
      this.unsaved.delete(profileId)
      this.failures.delete(profileId)
      this.registered.forget(profileId)
      await this.deps.book.forget(profileId)
    })
  }

  /**
   * The stored profile, if its credentials may be used as it stands: it passes the cross-field
   * checks (profiles.json may have been edited by hand), and its security fields are the ones its
   * secrets were bound to. Otherwise nothing is sent: the profile needs repair. A profile that
   * stores no secret yet (a first connection) is bound now, as it is; one that stores secrets
   * without an authentic binding is a mismatch (the vault bound every older secret when it was
   * migrated, so a missing binding was removed).
   */
  async profileForUse(profileId: string): Promise<Profile> {
    const profile = this.deps.profiles.get(profileId)
    // A missing secret is reported by clientOf (AUTH_SECRET_MISSING), as before.
    const issues = crossFieldIssues(profile, { stored: this.deps.secrets.hasSecret(profileId, 'clientSecret'), provided: undefined }).filter((i) => i.path !== 'clientSecret')
    if (issues.length > 0) {
      const error = new AppError('VALIDATION', `"${profile.name}" cannot be used as stored: ${describeIssues(issues)}. Edit it to repair it; nothing was sent.`, { issues })
      this.deps.book.credentialsRefused(profileId, error)
      throw error
    }
    const binding = credentialBinding(profile)
    const state = await this.fromVault(profileId, () => this.deps.secrets.checkBinding(profileId, binding))
    if (state === 'none') await this.deps.secrets.bind(profileId, binding)
    if (state === 'mismatch') {
      // A public client has no secret to type: saving the profile in the app is its repair.
      const repair = profile.grant === 'authorization_code' && profile.clientType === 'public' ? 'open it and save it' : 'enter its Client Secret again'
      const error = new AppError(
        'VAULT_DECRYPT_FAILED',
        `"${profile.name}" now names other endpoints, client, allowed domains, redirect URL or PKCE method than its secrets were saved for (was its file edited?). Nothing was sent; ${repair} to repair it.`,
      )
      this.deps.book.credentialsRefused(profileId, error)
      throw error
    }
    return profile
  }

  /** A vault read whose refusal (locked, or a secret it cannot decrypt) also becomes the profile's state; the error goes on as it was. */
  private async fromVault<T>(profileId: string, read: () => Promise<T>): Promise<T> {
    try {
      return await read()
    } catch (error) {
      this.refusedByVault(profileId, error)
      throw error
    }
  }

  /**
   * Whether the vault refused (locked, or the secret cannot be decrypted). Such a refusal is a
   * state of the profile ('locked', 'needs repair') rather than a plain failure, so it is recorded
   * as one before the caller throws it on.
   */
  private refusedByVault(profileId: string, error: unknown): boolean {
    if (!isVaultLocked(error) && !isUndecryptable(error)) return false
    this.deps.book.credentialsRefused(profileId, error)
    return true
  }

  /** The server ended the profile's grant (invalid_grant); only connecting again helps. */
  private grantEnded(profileId: string): boolean {
    return this.deps.book.record(profileId)?.grantEnded !== undefined
  }

  private isFresh(set: TokenSet): boolean {
    return this.deps.clock.now() < renewAt(set, this.deps.settings().refreshSkewSeconds * 1000)
  }

  private generation(profileId: string): number {
    return this.generations.get(profileId) ?? 0
  }

  private bump(profileId: string): number {
    const next = this.generation(profileId) + 1
    this.generations.set(profileId, next)
    return next
  }

  private exists(profileId: string): boolean {
    try {
      this.deps.profiles.get(profileId)
      return true
    } catch {
      return false
    }
  }

  private singleFlight(profileId: string, work: () => Promise<TokenSet>): Promise<TokenSet> {
    const running = this.inflight.get(profileId)
    if (running) return running
    const promise = work().finally(() => {
      if (this.inflight.get(profileId) === promise) this.inflight.delete(profileId)
    })
    this.inflight.set(profileId, promise)
    return promise
  }

  private async obtain(profileId: string, force: boolean): Promise<TokenSet> {
    const generation = this.generation(profileId)
    const profile = await this.profileForUse(profileId)
    let current = await this.load(profileId)
    // A set minted for other endpoints, client or account is neither used nor saved.
    if (current && !sameGrant(current, profile)) current = undefined
    const unsaved = this.unsaved.get(profileId)
    if (current && unsaved) await this.save(profileId, current, unsaved)
    // Whoever reads this (a crawl, the console) has no token yet: say how to get one.
    if (!current) throw new AppError('AUTH_NOT_CONNECTED', `"${profile.name}" is not connected: press Connect on its page, then try again.`)
    // Before freshness: once the server ended the grant, its access token is dead however fresh
    // it looks locally (a forced refresh after a 401 learnt that), so it is never handed out.
    const ended = this.deps.book.record(profileId)?.grantEnded
    if (ended) throw new AppError('AUTH_RECONNECT_NEEDED', `Connect "${profile.name}" again: ${ended.message}`, ended.details)
    if (!force && this.isFresh(current)) return current
    const now = this.deps.clock.now()
    const failure = this.failures.get(profileId)
    if (failure && now < failure.until) {
      if (!force && now < current.expiresAt) return current
      throw failure.error
    }
    if (profile.grant === 'authorization_code' && current.refreshToken === undefined) {
      throw new AppError('AUTH_RECONNECT_NEEDED', `Connect "${profile.name}" again: Zoom gave no refresh token`)
    }
    return this.renew(profile, current, generation, force)
  }

  private async renew(profile: Profile, current: TokenSet, generation: number, force: boolean): Promise<TokenSet> {
    const profileId = profile.id
    this.deps.book.attemptBegan(profileId, 'refreshing')
    try {
      const client = await this.clientOf(profile)
      const identity = grantIdentityOf(profile)
      const result =
        profile.grant === 's2s'
          ? await mintServerToServer(this.deps.endpoint, identity.oauthBase, client, profile.accountId)
          : await refreshAccessToken(this.deps.endpoint, identity.oauthBase, client, current.refreshToken ?? '')
      if (generation !== this.generation(profileId)) {
        // Nobody keeps this set (the connection was forgotten or replaced meanwhile).
        this.registered.release([result.access_token, result.refresh_token])
        throw new AppError('CANCELLED', 'The connection changed while its token was being renewed')
      }
      const next = tokenSetFromResult(result, { ...identity, previous: current })
      await this.save(profileId, next, 'refresh')
      const what = profile.grant === 's2s' ? 'New Server-to-Server token' : 'Token refreshed'
      this.deps.timeline.add({ profileId, at: this.deps.clock.now(), kind: 'refresh', outcome: 'ok', detail: `${what}, valid until ${iso(next.expiresAt)}` })
      return next
    } catch (error) {
      return this.renewalFailed(profile, current, error, generation, force)
    }
  }

  private async renewalFailed(profile: Profile, current: TokenSet, error: unknown, generation: number, force: boolean): Promise<TokenSet> {
    const profileId = profile.id
    if (generation !== this.generation(profileId)) throw error
    const now = this.deps.clock.now()
    this.deps.timeline.add({ profileId, at: now, kind: 'refresh', outcome: 'failed', detail: messageOf(error) })
    if (this.refusedByVault(profileId, error)) throw error
    if (isTokenEndpointError(error) && error.kind === 'grant-ended' && profile.grant === 'authorization_code') {
      await this.deps.book.recordGrantEnded(profileId, profile.grant, error.toBridge())
      this.cache.delete(profileId)
      this.deps.log.warn('Zoom ended a grant', { profileId, reason: error.details?.zoomMessage })
      throw new AppError('AUTH_RECONNECT_NEEDED', `Connect "${profile.name}" again: ${error.message}`, error.details)
    }
    // Transient or a request Zoom rejected: the tokens stay as they are; wait before trying again.
    const appError = isAppError(error) ? error : new AppError('INTERNAL', 'Renewing the token failed')
    const attempts = (this.failures.get(profileId)?.attempts ?? 0) + 1
    this.failures.set(profileId, { attempts, until: now + tokenRetryDelay(attempts, appError.details?.retryAfterMs), error: appError })
    this.deps.book.renewalFailed(profileId, appError)
    this.deps.log.warn('Token renewal failed; tokens kept', { profileId, code: appError.code, attempts })
    if (!force && now < current.expiresAt) return current
    throw appError
  }

  private async load(profileId: string): Promise<TokenSet | undefined> {
    const cached = this.cache.get(profileId)
    if (cached) return cached
    const generation = this.generation(profileId)
    if (!this.deps.secrets.hasSecret(profileId, 'tokens')) return undefined
    const text = await this.fromVault(profileId, () => this.deps.secrets.getSecret(profileId, 'tokens'))
    if (text === undefined) return undefined
    const set = parseTokenSet(text)
    if (!set) {
      this.deps.log.warn('Stored tokens are not in a known format; treating the profile as not connected', { profileId })
      return undefined
    }
    // Another renewal may have filled the cache while the vault was read.
    const raced = this.cache.get(profileId)
    if (raced) return raced
    // The tokens were forgotten or replaced while the vault was read: what was read is not theirs.
    if (generation !== this.generation(profileId)) return undefined
    this.registered.remember(profileId, set)
    this.cache.set(profileId, set)
    return set
  }

  /** Vault first (durable), then memory, then the non-secret record: nobody sees tokens that are not saved. */
  private async save(profileId: string, set: TokenSet, kind: 'connect' | 'refresh'): Promise<void> {
    this.registered.remember(profileId, set)
    this.cache.set(profileId, set)
    this.unsaved.set(profileId, kind)
    // Connecting again is the person's repair action for tokens that cannot be decrypted: the vault
    // archives the old ciphertext instead of refusing. A refresh never replaces what it could not read.
    await this.deps.secrets.setSecret(profileId, 'tokens', serializeTokenSet(set), kind === 'connect' ? { replaceUndecryptable: true } : undefined)
    this.unsaved.delete(profileId)
    this.failures.delete(profileId)
    try {
      await this.deps.book.recordTokens(profileId, set, kind)
    } catch (error) {
      this.deps.log.error('Could not record the connection status', { profileId, error })
    }
  }

  /** A connect with `client` succeeded: if it used the pending secret, that secret is now the stored one. */
  private async adoptPendingSecret(profileId: string, client: OAuthClient): Promise<void> {
    const pending = this.deps.pendingSecrets
    const secret = pending?.get(profileId)
    if (secret === undefined || client.clientSecret !== secret) return
    // Cleared first: the vault registers the value with the log redactor again as it stores it.
    pending?.clear(profileId)
    await this.deps.secrets.setSecret(profileId, 'clientSecret', secret, { replaceUndecryptable: true })
    // The editor said "kept aside until it connects": it must hear that it has.
    pending?.adopted(profileId)
  }

  /** Whether a new secret waits for a successful connect. */
  hasPendingSecret(profileId: string): boolean {
    return this.deps.pendingSecrets?.has(profileId) === true
  }

  /**
   * The client credentials of a profile: the secret from the vault, none for a public client.
   * `connecting`: a new secret waiting for its first successful connect is used instead.
   */
  async clientOf(profile: Profile, options: { connecting?: boolean } = {}): Promise<OAuthClient> {
    if (profile.grant === 'authorization_code' && profile.clientType === 'public') return { clientId: profile.clientId }
    const pending = options.connecting ? this.deps.pendingSecrets?.get(profile.id) : undefined
    if (pending !== undefined) return { clientId: profile.clientId, clientSecret: pending }
    const secret = await this.deps.secrets.getSecret(profile.id, 'clientSecret')
    if (!secret) throw new AppError('AUTH_SECRET_MISSING', `Enter the Client Secret of "${profile.name}" first`)
    registerSecret(secret)
    return { clientId: profile.clientId, clientSecret: secret }
  }
}

function toAccessToken(set: TokenSet): AccessToken {
  return { accessToken: set.accessToken, expiresAt: set.expiresAt, ...(set.apiUrl !== undefined ? { apiUrl: set.apiUrl } : {}), ...(set.apiBase !== undefined ? { apiBase: set.apiBase } : {}) }
}

function messageOf(error: unknown): string {
  return isAppError(error) ? error.message : 'Unexpected failure'
}

const iso = (ms: number) => new Date(ms).toISOString()
