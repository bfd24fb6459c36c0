// The connection status of every profile: persisted facts (connections.json) plus what is going
// on right now (connecting, refreshing, a transient error, a locked vault). Every change is
// pushed as an 'auth.status' event, and a timer reports 'expiring' when a token enters the skew.
import type { ConnectionState, ConnectionStatus, ValidationResult } from '../../common/contract/auth'
import type { BridgeError } from '../../common/errors'
import type { Grant } from '../../common/profile'
import type { DocumentFile } from '../store'
import type { Clock, EventSink, Scheduler } from '../ports'
import type { ConnectionRecord, ConnectionsDocument } from './connections-document'
import { renewAt, type TokenSet } from './token-set'

export type ActivityState = Extract<ConnectionState, 'connecting' | 'refreshing' | 'error' | 'locked' | 'needs_repair'>

interface Activity {
  state: ActivityState
  error?: BridgeError
}

export interface ConnectionBookDeps {
  document: DocumentFile<ConnectionsDocument>
  events: EventSink
  clock: Clock
  scheduler: Scheduler
  skewMs: () => number
  /** True while the vault waits for the person's passphrase. */
  vaultLocked: () => boolean
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
    const activity = this.activity.get(profileId)
    const base: ConnectionStatus = {
      profileId,
      state: 'disconnected',
      grantedScopes: record?.grantedScopes ?? [],
      hasRefreshToken: record?.hasRefreshToken ?? false,
      ...(record?.expiresAt !== undefined ? { expiresAt: record.expiresAt } : {}),
      ...(record?.lastRefreshAt !== undefined ? { lastRefreshAt: record.lastRefreshAt } : {}),
      ...(record?.connectedAt !== undefined ? { connectedAt: record.connectedAt } : {}),
      ...(record?.apiUrl !== undefined ? { apiUrl: record.apiUrl } : {}),
      ...(record?.lastValidation !== undefined ? { lastValidation: record.lastValidation as ValidationResult } : {}),
    }
    if (activity) return { ...base, state: activity.state, ...(activity.error ? { error: activity.error } : {}) }
    if (!record) return base
    if (record.grantEnded) return { ...base, state: 'reconnect_needed', error: record.grantEnded as BridgeError }
    if (this.deps.vaultLocked()) return { ...base, state: 'locked' }
    const failure = this.failures.get(profileId)
    if (failure) return { ...base, state: 'error', error: failure }
    if (record.expiresAt === undefined) return base
    return { ...base, state: this.deps.clock.now() >= this.renewAt(record) ? 'expiring' : 'connected' }
  }

  /** Sets (or with `undefined` clears) what is happening right now, and reports the change. */
  setActivity(profileId: string, activity: Activity | undefined): void {
    if (activity) this.activity.set(profileId, activity)
    else this.activity.delete(profileId)
    this.publish(profileId)
  }

  /** Something used the connection: `error` when it failed, `undefined` when it worked. */
  recordOutcome(profileId: string, error: BridgeError | undefined): void {
    const previous = this.failures.get(profileId)
    if (error) this.failures.set(profileId, error)
    else if (!previous) return
    else this.failures.delete(profileId)
    this.publish(profileId)
  }

  activityOf(profileId: string): Activity | undefined {
    return this.activity.get(profileId)
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
