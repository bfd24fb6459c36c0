// The auth.* operations: connect (S2S mint or the authorization-code flow), cancel, disconnect,
// test, copy token, sign out of Zoom, statuses and timeline.
import type { BeforeRequestHook } from 'got'
import type { ConnectionStatus, TimelineEvent, ValidationResult } from '../../common/contract/auth'
import type { Settings } from '../../common/contract/settings'
import { AppError, isAppError } from '../../common/errors'
import { cloudEndpoints, effectiveEndpoints, type Profile } from '../../common/profile'
import type { Logger } from '../log/logger'
import { forgetSecret, registerSecret } from '../log/redact'
import type { ProfileLookup } from '../profiles/profile-lookup'
import type { AuthWindowPort, ClipboardPort, Clock, DialogPort, Scheduler } from '../ports'
import type { ConnectionBook } from '../tokens/connection-book'
import type { Timeline } from '../tokens/timeline'
import type { TokenManager } from '../tokens/token-manager'
import { grantIdentityOf } from '../tokens/grant-identity'
import { RECONNECT_AFTER_401 } from '../tokens/connection-outcomes'
import { tokenSetFromResult, type TokenSet } from '../tokens/token-set'
import { authorizeUrl } from './authorize-url'
import { copyTokenQuestion } from './copy-token-question'
import { generateState } from './flow-state'
import { exchangeAuthorizationCode } from './grants'
import { createPkce } from './pkce'
import { readAuthorizationResponse } from './redirect'
import { revokeTokenSet } from './revoke'
import type { CredentialLifecycle } from './credential-lifecycle'
import type { OAuthClient, TokenEndpointClient } from './token-endpoint'
import { persistentPartition, type UserAgent } from './user-agents'
import { validateToken } from './validation'

export const DEFAULT_FLOW_TIMEOUT_MS = 5 * 60_000

export interface AuthServiceDeps {
  profiles: ProfileLookup & { ids(): string[] }
  tokens: TokenManager
  /** Disconnects, and the sign-ins in progress (which a disconnect, delete or edit cancels). */
  lifecycle: CredentialLifecycle
  book: ConnectionBook
  timeline: Timeline
  endpoint: TokenEndpointClient
  agents: { connectWindow: UserAgent; systemBrowser: UserAgent }
  authWindow: Pick<AuthWindowPort, 'clearSession'>
  clipboard: ClipboardPort
  /** Asks before the access token goes to the clipboard. */
  dialogs: Pick<DialogPort, 'confirm'>
  clock: Clock
  scheduler: Scheduler
  settings: () => Settings
  log: Logger
  flowTimeoutMs?: number
  /** The proxy hook for the validation request (main/net/proxy). */
  proxy?: BeforeRequestHook
}

export class AuthService {
  /** The token copied last, while its clipboard clear is still due. */
  private copied: { token: string; cancelTimer: () => void } | undefined

  constructor(private readonly deps: AuthServiceDeps) {}

  statuses(): ConnectionStatus[] {
    return this.deps.profiles.ids().map((id) => this.deps.book.status(id))
  }

  status(profileId: string): ConnectionStatus {
    this.deps.profiles.get(profileId)
    return this.deps.book.status(profileId)
  }

  timeline(profileId: string): TimelineEvent[] {
    this.deps.profiles.get(profileId)
    return this.deps.timeline.list(profileId)
  }

  async connect(profileId: string): Promise<ConnectionStatus> {
    const profile = this.deps.profiles.get(profileId)
    if (profile.grant === 's2s') {
      try {
        await this.deps.tokens.connectServerToServer(profileId)
      } catch (error) {
        this.reportConnectFailure(profileId, error)
        throw error
      }
      return this.deps.book.status(profileId)
    }
    await this.authorize(profile)
    return this.deps.book.status(profileId)
  }

  cancel(profileId: string): void {
    this.deps.lifecycle.signIns.cancel(profileId)
  }

  async disconnect(profileId: string): Promise<ConnectionStatus> {
    this.deps.profiles.get(profileId)
    await this.deps.lifecycle.disconnect(profileId)
    this.deps.timeline.add({ profileId, at: this.deps.clock.now(), kind: 'disconnect', outcome: 'ok', detail: 'Disconnected; the tokens were forgotten' })
    return this.deps.book.status(profileId)
  }

  async test(profileId: string): Promise<ValidationResult> {
    const stored = await this.deps.tokens.storedTokens(profileId)
    // The endpoints of the profile the set was read for (and belongs to), not of a later edit.
    const profile = stored?.profile ?? this.deps.profiles.get(profileId)
    const endpoints = effectiveEndpoints(profile)
    const set = stored?.set
    if (!set) {
      return { ok: false, at: new Date(this.deps.clock.now()).toISOString(), url: endpoints.validationUrl, latencyMs: 0, error: { code: 'AUTH_NOT_CONNECTED', message: `"${profile.name}" is not connected, so there is no token to test` } }
    }
    // The allowlist in force, as for every API request: the token's api_url is honoured only
    // where that list already allows it (the Zoom client does the same), never added to it.
    const validate = (accessToken: string) =>
      validateToken({ url: endpoints.validationUrl, accessToken, allowedDomains: endpoints.allowedDomains, clock: this.deps.clock, ...(this.deps.proxy ? { proxy: this.deps.proxy } : {}) })
    let result = await validate(set.accessToken)
    if (!result.ok && result.httpStatus === 401) result = await this.retestAfterRefresh(profileId, set.accessToken, result, validate, JSON.stringify(endpoints))
    await this.deps.book.recordValidation(profileId, result).catch((error: unknown) => this.deps.log.warn('Could not record the validation', { profileId, error }))
    // A failed test is the connection's last real outcome; a passing one clears an earlier failure.
    this.deps.book.recordOutcome(profileId, result.ok ? undefined : result.error)
    const who = result.identity?.email ?? result.identity?.displayName ?? ''
    this.deps.timeline.add({ profileId, at: this.deps.clock.now(), kind: 'validate', outcome: result.ok ? 'ok' : 'failed', detail: result.ok ? `Token works${who ? ` (${who})` : ''}` : (result.error?.message ?? 'Validation failed') })
    return result
  }

  /**
   * Zoom refused the token: renew it once (as an API call would) and test again. Still refused,
   * or not renewable, the answer is AUTH_RECONNECT_NEEDED — the remedy the UI offers is Reconnect.
   */
  private async retestAfterRefresh(profileId: string, rejected: string, first: ValidationResult, validate: (token: string) => Promise<ValidationResult>, testedEndpoints: string): Promise<ValidationResult> {
    let renewed: string
    try {
      renewed = (await this.deps.tokens.getAccessToken(profileId, { forceRefresh: true, rejectedToken: rejected })).accessToken
    } catch (error) {
      const reason = isAppError(error) ? error.message : 'the token could not be renewed'
      return { ...first, error: { code: 'AUTH_RECONNECT_NEEDED', message: `Zoom refuses the token (401) and renewing it failed: ${reason}. Reconnect to sign in again.`, details: { httpStatus: 401 } } }
    }
    // The renewal is for the profile as it is now: if an edit re-pointed it meanwhile, the new
    // token belongs to other endpoints and must not go to the validation URL tested first.
    const now = await this.deps.tokens.storedTokens(profileId)
    if (!now || now.set.accessToken !== renewed || JSON.stringify(effectiveEndpoints(now.profile)) !== testedEndpoints) {
      return { ...first, error: { code: 'CONFLICT', message: 'The connection was changed while it was being tested. Test it again.' } }
    }
    const second = await validate(renewed)
    if (second.ok || second.httpStatus !== 401) return second
    return { ...second, error: { code: 'AUTH_RECONNECT_NEEDED', message: RECONNECT_AFTER_401, details: { ...second.error?.details, httpStatus: 401 } } }
  }

  /**
   * Puts the access token on the clipboard once the person confirmed it in main's own dialog (a
   * renderer calling this with no one at the keyboard gets CANCELLED), and wipes it later.
   */
  async copyToken(profileId: string): Promise<{ clearsAfterSeconds: number }> {
    const profile = this.deps.profiles.get(profileId)
    const { accessToken } = await this.deps.tokens.getAccessToken(profileId)
    const seconds = this.deps.settings().clipboardClearSeconds
    const confirmed = await this.deps.dialogs.confirm(copyTokenQuestion(profile.name, seconds))
    if (!confirmed) throw new AppError('CANCELLED', 'The access token was not copied.')
    this.copied?.cancelTimer()
    const copied = { token: accessToken, cancelTimer: () => undefined as void }
    this.deps.clipboard.writeText(accessToken)
    copied.cancelTimer = this.deps.scheduler.setTimeout(() => this.wipeClipboard(copied), seconds * 1000)
    this.copied = copied
    this.deps.timeline.add({ profileId, at: this.deps.clock.now(), kind: 'token', outcome: 'ok', detail: `Access token copied; the clipboard is cleared in ${seconds} s` })
    return { clearsAfterSeconds: seconds }
  }

  async signOutZoom(profileId: string): Promise<void> {
    this.deps.profiles.get(profileId)
    await this.deps.authWindow.clearSession(persistentPartition(profileId))
  }

  /** On quit: pending flows are cancelled, and a copied token due to be cleared is cleared now. */
  dispose(): void {
    this.deps.lifecycle.dispose()
    if (this.copied) this.wipeClipboard(this.copied)
  }

  /** Only the token we wrote is wiped: whatever the person copied since is left alone. */
  private wipeClipboard(copied: { token: string; cancelTimer: () => void }): void {
    copied.cancelTimer()
    if (this.copied === copied) this.copied = undefined
    if (this.deps.clipboard.readText() === copied.token) this.deps.clipboard.writeText('')
  }

  private async authorize(profile: Profile): Promise<void> {
    const profileId = profile.id
    const signal = this.deps.lifecycle.signIns.begin(profileId, this.deps.flowTimeoutMs ?? DEFAULT_FLOW_TIMEOUT_MS)
    // The tokens this flow obtains are for the profile as it is now: if it is deleted, disconnected
    // or pointed at another client meanwhile, they belong to nobody and are not kept.
    const generation = this.deps.tokens.generationOf(profileId)
    this.deps.book.attemptBegan(profileId, 'connecting')
    // Single-use values, registered with the log redactor only while the flow runs.
    const used: { code?: string; verifier?: string } = {}
    try {
      // Checked before the browser opens: a profile that needs repair sends nothing anywhere.
      await this.deps.tokens.profileForUse(profileId)
      const client = await this.deps.tokens.clientOf(profile, { connecting: true })
      const { oauthBase } = cloudEndpoints(profile.cloud)
      const state = generateState()
      const pkce = createPkce(profile.pkceMethod)
      used.verifier = pkce?.verifier
      const url = authorizeUrl({ oauthBase, clientId: profile.clientId, redirectUri: profile.redirectUri, state, scopes: profile.scopes, ...(pkce ? { pkce } : {}) })
      const agent = profile.authorizeWith === 'system-browser' ? this.deps.agents.systemBrowser : this.deps.agents.connectWindow
      const callbackUrl = await agent.authorize({ profileId, profileName: profile.name, url, redirectUri: profile.redirectUri, state, signal })
      // The state is consumed here: whatever arrives later has no flow to match.
      this.deps.lifecycle.signIns.end(profileId, signal)
      const { code } = readAuthorizationResponse(callbackUrl, { redirectUri: profile.redirectUri, state, issuer: oauthBase })
      registerSecret(code)
      used.code = code
      if (this.deps.tokens.generationOf(profileId) !== generation) throw this.overtaken(profileId, 'nothing was exchanged')
      // Zoom revokes the profile's earlier grant once this code is exchanged, so the set it returns
      // may be the only one that works: locking the vault or quitting waits until it is stored
      // (or, unwanted, revoked), as for a renewal in flight.
      const set = await this.deps.tokens.untilSettled(async () => {
        // Exchanged exactly once; a failure is reported, never retried with the same code.
        const result = await exchangeAuthorizationCode(this.deps.endpoint, oauthBase, client, { code, redirectUri: profile.redirectUri, ...(pkce ? { codeVerifier: pkce.verifier } : {}) })
        // For the profile as it was when the sign-in began: adopt() refuses it if that changed.
        const set = tokenSetFromResult(result, { ...grantIdentityOf(profile), requestedScopes: profile.scopes })
        if ((await this.deps.tokens.adopt(profileId, set, generation, client)) === 'stale') {
          const revoked = await this.revokeUnwanted(profileId, oauthBase, client, set)
          this.deps.tokens.discard(set)
          throw this.overtaken(profileId, revoked ? 'the token Zoom issued was revoked and not kept' : 'the token Zoom issued was not kept')
        }
        return set
      })
      this.deps.timeline.add({ profileId, at: this.deps.clock.now(), kind: 'authorize', outcome: 'ok', detail: `Connected; ${set.scopes.length} scope(s) granted` })
    } catch (error) {
      this.reportConnectFailure(profileId, error)
      throw error
    } finally {
      this.deps.lifecycle.signIns.end(profileId, signal)
      forgetSecret(used.code)
      forgetSecret(used.verifier)
    }
  }

  /** The sign-in finished for a profile that was deleted (NOT_FOUND) or disconnected/changed (CANCELLED) meanwhile. */
  private overtaken(profileId: string, outcome: string): AppError {
    if (!this.deps.profiles.ids().includes(profileId)) return new AppError('NOT_FOUND', `The connection profile was deleted during the sign-in; ${outcome}`)
    return new AppError('CANCELLED', `The connection was disconnected or changed during the sign-in; ${outcome}`)
  }

  /** Best effort: a token nobody will use is revoked at Zoom rather than left valid. */
  private async revokeUnwanted(profileId: string, oauthBase: string, client: OAuthClient, set: TokenSet): Promise<boolean> {
    try {
      await revokeTokenSet(this.deps.endpoint, oauthBase, client, set)
      return true
    } catch (error) {
      this.deps.log.warn('Revoking a token obtained for a deleted or changed connection failed', { profileId, error })
      return false
    }
  }

  private reportConnectFailure(profileId: string, error: unknown): void {
    // A deleted profile has no status or timeline left to report to.
    if (!this.deps.profiles.ids().includes(profileId)) return
    const cancelled = isAppError(error) && (error.code === 'AUTH_FLOW_CANCELLED' || error.code === 'CANCELLED')
    this.deps.book.connectFailed(profileId, { error, cancelled, withPendingSecret: this.deps.tokens.hasPendingSecret(profileId) })
    this.deps.timeline.add({ profileId, at: this.deps.clock.now(), kind: 'authorize', outcome: cancelled ? 'cancelled' : 'failed', detail: isAppError(error) ? error.message : 'Connecting failed' })
  }
}
