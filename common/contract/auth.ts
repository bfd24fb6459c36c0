import { z } from 'zod'
import type { BridgeError } from '../errors'
import { channel, idSchema, noInput } from './define'

export const CONNECTION_STATES = [
  'disconnected',
  'connecting',
  'connected',
  'expiring',
  'refreshing',
  'reconnect_needed',
  'error',
  'locked',
  'needs_repair',
] as const
export type ConnectionState = (typeof CONNECTION_STATES)[number]

export interface ValidationResult {
  ok: boolean
  at: string
  url: string
  httpStatus?: number
  latencyMs: number
  /** Who the token belongs to, when the validation URL returns a user. */
  identity?: { id?: string; email?: string; displayName?: string; accountId?: string }
  error?: BridgeError
}

export interface ConnectionStatus {
  profileId: string
  /** The connection's own state: its tokens, the attempt in progress, the last real outcome. */
  state: ConnectionState
  /**
   * What the app shows for the connection (badge, buttons, overview), derived in main: `state`,
   * unless the vault is locked ('locked') or the profile's stored secrets need repair ('needs_repair').
   */
  shown: ConnectionState
  /** Epoch ms. */
  expiresAt?: number
  lastRefreshAt?: number
  connectedAt?: number
  grantedScopes: string[]
  apiUrl?: string
  hasRefreshToken: boolean
  error?: BridgeError
  lastValidation?: ValidationResult
}

export const TIMELINE_KINDS = ['authorize', 'token', 'refresh', 'revoke', 'validate', 'disconnect', 'error'] as const
export interface TimelineEvent {
  profileId: string
  at: number
  kind: (typeof TIMELINE_KINDS)[number]
  outcome: 'ok' | 'failed' | 'cancelled'
  /** Readable, escaped, never a secret (e.g. Zoom's reason for invalid_grant). */
  detail: string
}

const ref = z.object({ profileId: idSchema }).strict()

export const authChannels = {
  'auth.statuses': channel<ConnectionStatus[]>()(noInput),
  'auth.status': channel<ConnectionStatus>()(ref),
  /** Server-to-Server: mints a token. Authorization code: runs the connect window or system browser flow. */
  'auth.connect': channel<ConnectionStatus>()(ref),
  'auth.cancel': channel<void>()(ref),
  /** Revokes at Zoom, then forgets the tokens. */
  'auth.disconnect': channel<ConnectionStatus>()(ref),
  /** Calls the validation URL with the cached token; never mints a token just to test. */
  'auth.test': channel<ValidationResult>()(ref),
  /** Main writes the clipboard and clears it after the configured delay. */
  'auth.copyToken': channel<{ clearsAfterSeconds: number }>()(ref),
  /** Clears the profile's connect-window session (the remembered Zoom/SSO sign-in). */
  'auth.signOutZoom': channel<void>()(ref),
  'auth.timeline': channel<TimelineEvent[]>()(ref),
}
