// The one owner of every profile's connection status. The token manager and the auth service
// report what happened (an attempt began, the credentials were refused, a renewal or connect
// failed, new tokens were saved); the book keeps those facts with the persisted ones
// (connections.json), derives the status from them (connection-state.ts) and pushes every change
// as an 'auth.status' event. A timer reports 'expiring' when a token enters the skew.
import type { ConnectionStatus, ValidationResult } from '../../common/contract/auth'
import { AppError, isAppError, type BridgeError } from '../../common/errors'
import type { Grant } from '../../common/profile'
import type { DocumentFile } from '../store'
import type { Clock, EventSink, Scheduler } from '../ports'
import { deriveConnectionStatus, type Activity } from './connection-state'
import type { ConnectionRecord, ConnectionsDocument } from './connections-document'
import { renewAt, type TokenSet } from './token-set'
import { isVaultLocked } from './vault-failure'

export interface ConnectionBookDeps {
  document: DocumentFile<ConnectionsDocument>
  events: EventSink
  clock: Clock
  scheduler: Scheduler
  skewMs: () => number
  /** The vault as a status needs it; none of these loads its key. */
  vault: {
    /** True while the vault waits for the person's passphrase. */
    needsUnlock(): boolean
    /** True while its key is not loaded (the app shows its unlock screen). */
    locked(): boolean
    /** The profile's stored secrets that need repair (main/profiles/repair-fields.ts). */
    repairFields(profileId: string): readonly string[]
  }
}

/** What a failed connect (or reconnect) attempt was about. */
export interface ConnectFailure {
  error: unknown
  /** The person cancelled the sign-in, or it was overtaken: nothing failed. */
  cancelled: boolean
  /** The attempt used a new Client Secret still waiting for its first successful connect. */
  withPendingSecret: boolean
}

export class ConnectionBook {
  private readonly activity = new Map<string, Activity>()
  /**
   * The last real outcome when it was a failure: a failed connect or save, a 401 a refresh could
   * not cure, Zoom unreachable, a failed Test connection. The tokens are kept (they may work
   * again); the badge says what happened until something succeeds.
   */
  private readonly failures = new Map<string, BridgeError>()
  private readonly lastEmitted = new Map<string, string>()
  private readonly timers = new Map<string, () => void>()

  constructor(private readonly deps: ConnectionBookDeps) {
    for (const [profileId, record] of Object.entries(deps.document.read().connections)) this.scheduleExpiring(profileId, record)
  }

  record(profileId: string): ConnectionRecord | undefined {
    return this.deps.document.read().connections[profileId]
  }

  status(profileId: string): ConnectionStatus {
    const record = this.record(profileId)
    return deriveConnectionStatus({
      profileId,
      record,
      activity: this.activity.get(profileId),
      failure: this.failures.get(profileId),
      vaultNeedsUnlock: this.deps.vault.needsUnlock(),
      vaultLocked: this.deps.vault.locked(),
      needsRepair: this.deps.vault.repairFields(profileId),
      renewAt: record?.expiresAt !== undefined ? this.renewAt(record) : undefined,
      now: this.deps.clock.now(),
    })
  }

  /** A connect or a renewal has begun. */
  attemptBegan(profileId: string, state: 'connecting' | 'refreshing'): void {
    this.setActivity(profileId, { state })
  }

  /**
   * The profile's credentials cannot be used as they stand: the vault is locked ('locked'), or its
   * secrets cannot be read, were saved for other endpoints, or the profile fails its checks
   * ('needs_repair', until the person repairs it or connects again).
   */
  credentialsRefused(profileId: string, error: unknown): void {
    this.setActivity(profileId, { state: isVaultLocked(error) ? 'locked' : 'needs_repair', error: bridgeErrorOf(error, 'The credentials cannot be used') })
  }

  /** A renewal failed for a passing reason: the tokens are kept, the badge says why until something works. */
  renewalFailed(profileId: string, error: AppError): void {
    this.setActivity(profileId, { state: 'error', error: error.toBridge() })
  }

  /** A connect attempt failed or was cancelled. */
  connectFailed(profileId: string, failure: ConnectFailure): void {
    const current = this.activity.get(profileId)
    const record = this.record(profileId)
    const error = bridgeErrorOf(failure.error, 'Connecting failed')
    // A profile that needs repair keeps saying so (and nothing was sent).
    if (current?.state === 'needs_repair') this.publish(profileId)
    else if (failure.cancelled) this.setActivity(profileId, undefined)
    else if (record && !record.grantEnded) {
      // The tokens of the working connection are kept (they still work), but the badge tells the
      // truth: the last attempt failed, and why.
      this.activity.delete(profileId)
      const secretNote = failure.withPendingSecret ? ' with the new Client Secret' : ''
      this.failures.set(profileId, { ...error, message: `Connecting again${secretNote} failed: ${error.message} The previous connection is kept and still in use.` })
      this.publish(profileId)
    } else this.setActivity(profileId, { state: 'error', error })
  }

  /** Something used the connection: `error` when it failed, `undefined` when it worked. */
  recordOutcome(profileId: string, error: BridgeError | undefined): void {
    const previous = this.failures.get(profileId)
    if (error) this.failures.set(profileId, error)
    else if (!previous) return
    else this.failures.delete(profileId)
    this.publish(profileId)
  }

  /** New tokens arrived (connect, refresh or S2S mint) and are already in the vault. */
  async recordTokens(profileId: string, set: TokenSet, kind: 'connect' | 'refresh'): Promise<void> {
    await this.deps.document.update((doc) => {
      const previous = doc.connections[profileId]
      const record: ConnectionRecord = {
        grant: set.grant,
        connectedAt: kind === 'connect' ? set.obtainedAt : (previous?.connectedAt ?? set.connectedAt),
        obtainedAt: set.obtainedAt,
        expiresAt: set.expiresAt,
        grantedScopes: set.scopes,
        hasRefreshToken: set.refreshToken !== undefined,
        ...(set.apiUrl !== undefined ? { apiUrl: set.apiUrl } : {}),
        // A new connection starts a new history; a renewal keeps the last validation.
        ...(kind === 'refresh' ? { lastRefreshAt: set.obtainedAt } : {}),
        ...(kind === 'refresh' && previous?.lastValidation ? { lastValidation: previous.lastValidation } : {}),
      }
      return { connections: { ...doc.connections, [profileId]: record } }
    })
    this.activity.delete(profileId)
    this.failures.delete(profileId)
    const record = this.record(profileId)
    if (record) this.scheduleExpiring(profileId, record)
    this.publish(profileId)
  }

  async recordGrantEnded(profileId: string, grant: Grant, error: BridgeError): Promise<void> {
    await this.deps.document.update((doc) => {
      const previous = doc.connections[profileId] ?? { grant, grantedScopes: [], hasRefreshToken: false }
      return { connections: { ...doc.connections, [profileId]: { ...previous, grantEnded: error } } }
    })
    this.activity.delete(profileId)
    this.publish(profileId)
  }

  async recordValidation(profileId: string, result: ValidationResult): Promise<void> {
    if (!this.record(profileId)) return
    await this.deps.document.update((doc) => {
      const previous = doc.connections[profileId]
      if (!previous) return doc
      return { connections: { ...doc.connections, [profileId]: { ...previous, lastValidation: result } } }
    })
    this.publish(profileId)
  }

  async forget(profileId: string): Promise<void> {
    this.timers.get(profileId)?.()
    this.timers.delete(profileId)
    this.activity.delete(profileId)
    this.failures.delete(profileId)
    if (this.record(profileId)) {
      await this.deps.document.update((doc) => {
        const { [profileId]: _removed, ...rest } = doc.connections
        return { connections: rest }
      })
    }
    this.publish(profileId)
  }

  /** The profile was edited (what it names, which secrets it stores): its status is derived again and pushed if it reads differently. */
  profileChanged(profileId: string): void {
    this.publish(profileId)
  }

  /** Re-evaluates every profile, e.g. after the vault was locked or unlocked. */
  republish(profileIds: readonly string[]): void {
    for (const id of profileIds) {
      const activity = this.activity.get(id)
      // An undecryptable token set stays 'needs_repair' until the person connects again.
      if (activity?.state === 'locked') this.activity.delete(id)
      this.publish(id)
    }
  }

  dispose(): void {
    for (const cancel of this.timers.values()) cancel()
    this.timers.clear()
  }

  private setActivity(profileId: string, activity: Activity | undefined): void {
    if (activity) this.activity.set(profileId, activity)
    else this.activity.delete(profileId)
    this.publish(profileId)
  }

  private publish(profileId: string): void {
    const status = this.status(profileId)
    const key = JSON.stringify(status)
    if (this.lastEmitted.get(profileId) === key) return
    this.lastEmitted.set(profileId, key)
    this.deps.events.emit('auth.status', status)
  }

  private renewAt(record: ConnectionRecord): number {
    const expiresAt = record.expiresAt ?? 0
    const obtainedAt = record.obtainedAt ?? expiresAt - 3_600_000
    return renewAt({ expiresAt, obtainedAt }, this.deps.skewMs())
  }

  private scheduleExpiring(profileId: string, record: ConnectionRecord): void {
    this.timers.get(profileId)?.()
    this.timers.delete(profileId)
    if (record.expiresAt === undefined || record.grantEnded) return
    const delay = this.renewAt(record) - this.deps.clock.now()
    if (delay <= 0) return
    this.timers.set(profileId, this.deps.scheduler.setTimeout(() => {
      this.timers.delete(profileId)
      this.publish(profileId)
    }, delay))
  }
}

function bridgeErrorOf(error: unknown, fallback: string): BridgeError {
  return isAppError(error) ? error.toBridge() : new AppError('INTERNAL', fallback).toBridge()
}
