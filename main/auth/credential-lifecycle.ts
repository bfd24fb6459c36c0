// The one owner of a profile's credential lifecycle beyond getting a token: what a disconnect, a
// delete or a change of client means for the connection (cancel the sign-in, revoke at Zoom,
// forget the tokens, clear the connect window's session). Built on the profile lanes the token
// manager uses, so none of these steps interleaves with a connect, a renewal or an edit of the
// same profile. The profile service and the auth service both get it at construction: neither
// needs the other.
import { AppError } from '../../common/errors'
import { cloudEndpoints, type Profile } from '../../common/profile'
import type { Logger } from '../log/logger'
import type { AuthWindowPort, Clock, Scheduler } from '../ports'
import type { ConnectionBook } from '../tokens/connection-book'
import type { ProfileLanes } from '../tokens/profile-lanes'
import type { Timeline } from '../tokens/timeline'
import type { TokenManager } from '../tokens/token-manager'
import { PendingFlows } from './pending-flows'
import { revokeTokenSet } from './revoke'
import type { TokenEndpointClient } from './token-endpoint'
import { persistentPartition } from './user-agents'

export interface CredentialLifecycleDeps {
  /** The same lanes as the token manager's. */
  lanes: ProfileLanes
  tokens: TokenManager
  /** The owner of connection statuses, told when an edit may change how one reads. */
  book: Pick<ConnectionBook, 'profileChanged'>
  endpoint: TokenEndpointClient
  timeline: Timeline
  authWindow: Pick<AuthWindowPort, 'clearSession'>
  clock: Clock
  scheduler: Scheduler
  log: Logger
}

export class CredentialLifecycle {
  /** The sign-ins in progress, one per profile: a disconnect, delete or change of client ends it. */
  readonly signIns: PendingFlows

  constructor(private readonly deps: CredentialLifecycleDeps) {
    this.signIns = new PendingFlows(deps.scheduler)
  }

  /** Runs `work` in the profile's lane: no connect, renewal, edit or forget of that profile interleaves with it. */
  run<T>(profileId: string, work: () => Promise<T>): Promise<T> {
    return this.deps.lanes.run(profileId, work)
  }

  /** Ends the connection the person asked to end: the sign-in stops, the tokens are revoked and forgotten. */
  async disconnect(profileId: string): Promise<boolean> {
    this.signIns.cancel(profileId)
    return this.revokeAndForget(profileId)
  }

  /** The profile is being deleted: best-effort revoke, forget the tokens, clear the connect-window session. */
  async beforeDelete(profile: Profile): Promise<{ revoked: boolean }> {
    this.signIns.cancel(profile.id)
    const revoked = await this.revokeAndForget(profile.id)
    await this.deps.authWindow.clearSession(persistentPartition(profile.id)).catch(() => undefined)
    this.deps.timeline.forget(profile.id)
    return { revoked }
  }

  /**
   * The profile is about to name another client, account or cloud: its tokens no longer apply.
   * Called with the profile as stored, before the edit is saved, so the tokens are revoked with the
   * client (and secret, and endpoints) they were issued to — like a disconnect.
   */
  async clientChanging(before: Profile): Promise<void> {
    this.signIns.cancel(before.id)
    await this.revokeAndForget(before.id)
    this.deps.timeline.add({ profileId: before.id, at: this.deps.clock.now(), kind: 'disconnect', outcome: 'ok', detail: 'The app credentials changed; connect again' })
  }

  /**
   * The profile's tokens were obtained for what an edited file said: they are forgotten (vault,
   * cache, connection record) without being sent anywhere, not even to be revoked.
   */
  async dropTokens(profileId: string): Promise<void> {
    this.signIns.cancel(profileId)
    await this.deps.tokens.forget(profileId)
    this.deps.timeline.add({ profileId, at: this.deps.clock.now(), kind: 'disconnect', outcome: 'ok', detail: 'Tokens obtained for an edited profile were dropped unsent; connect again' })
  }

  /** An edit was saved: the profile's status may read differently (e.g. its secrets no longer need repair). */
  edited(profileId: string): void {
    this.deps.book.profileChanged(profileId)
  }

  /** On quit: sign-ins still open are cancelled. */
  dispose(): void {
    this.signIns.cancelAll()
  }

  /**
   * Best effort: a revoke that fails (offline, already revoked) still forgets the tokens. In the
   * profile's lane, so no connect or renewal stores a set between the revoke and the forget; the
   * set is revoked where it was minted, with the client it was minted for.
   */
  private revokeAndForget(profileId: string): Promise<boolean> {
    const { tokens, timeline, clock, log } = this.deps
    return this.run(profileId, async () => {
      let revoked = false
      try {
        const stored = await tokens.storedTokens(profileId, 'revoke')
        if (stored) {
          const { set, profile } = stored
          const client = await tokens.clientOf(profile)
          await revokeTokenSet(this.deps.endpoint, set.oauthBase ?? cloudEndpoints(profile.cloud).oauthBase, client, set)
          revoked = true
          timeline.add({ profileId, at: clock.now(), kind: 'revoke', outcome: 'ok', detail: 'Zoom revoked the token' })
        }
      } catch (error) {
        const detail = error instanceof AppError ? error.message : 'Revoking failed'
        timeline.add({ profileId, at: clock.now(), kind: 'revoke', outcome: 'failed', detail })
        log.warn('Revoking at Zoom failed; the tokens are forgotten anyway', { profileId, error })
      }
      await tokens.forget(profileId)
      return revoked
    })
  }
}
