// The one derivation of a connection's status: what main reports in auth.status and what the
// renderer's badge, buttons and overview show. The renderer derives nothing; it shows `shown`.
import type { ConnectionState, ConnectionStatus, ValidationResult } from '../../common/contract/auth'
import type { BridgeError } from '../../common/errors'
import type { ConnectionRecord } from './connections-document'
import { shownState } from './shown-state'

/** What is going on with a connection right now, besides its stored record. */
export interface Activity {
  /** connecting / refreshing: an attempt in progress; locked / needs_repair: the credentials cannot be used as they stand; error: the last attempt failed. */
  state: Extract<ConnectionState, 'connecting' | 'refreshing' | 'error' | 'locked' | 'needs_repair'>
  error?: BridgeError
}

export interface ConnectionFacts {
  profileId: string
  /** What connections.json holds for the profile. */
  record: ConnectionRecord | undefined
  activity: Activity | undefined
  /** The last real use of the connection, when it failed (a 401 a refresh could not cure, Zoom unreachable, a failed test or reconnect). */
  failure: BridgeError | undefined
  /** The vault waits for the person's passphrase: no token can be used until then. */
  vaultNeedsUnlock: boolean
  /** The vault's key is not loaded (the app shows its unlock screen). */
  vaultLocked: boolean
  /** Stored secrets of the profile that cannot be read or no longer match it. */
  needsRepair: readonly string[]
  /** When the stored token enters the refresh skew (epoch ms), if it has one. */
  renewAt: number | undefined
  now: number
}

export function deriveConnectionStatus(facts: ConnectionFacts): ConnectionStatus {
  const { record } = facts
  const details: Omit<ConnectionStatus, 'state' | 'shown'> = {
    profileId: facts.profileId,
    grantedScopes: record?.grantedScopes ?? [],
    hasRefreshToken: record?.hasRefreshToken ?? false,
    ...(record?.expiresAt !== undefined ? { expiresAt: record.expiresAt } : {}),
    ...(record?.lastRefreshAt !== undefined ? { lastRefreshAt: record.lastRefreshAt } : {}),
    ...(record?.connectedAt !== undefined ? { connectedAt: record.connectedAt } : {}),
    ...(record?.apiUrl !== undefined ? { apiUrl: record.apiUrl } : {}),
    ...(record?.lastValidation !== undefined ? { lastValidation: record.lastValidation as ValidationResult } : {}),
  }
  const { state, error } = connectionState(facts)
  return { ...details, state, shown: shownState(state, facts), ...(error ? { error } : {}) }
}

function connectionState(facts: ConnectionFacts): { state: ConnectionState; error?: BridgeError } {
  const { record, activity } = facts
  if (activity) return activity
  if (!record) return { state: 'disconnected' }
  if (record.grantEnded) return { state: 'reconnect_needed', error: record.grantEnded as BridgeError }
  if (facts.vaultNeedsUnlock) return { state: 'locked' }
  if (facts.failure) return { state: 'error', error: facts.failure }
  if (record.expiresAt === undefined || facts.renewAt === undefined) return { state: 'disconnected' }
  return { state: facts.now >= facts.renewAt ? 'expiring' : 'connected' }
}
