// Selectors for connections: filtering, the state main says to show for a profile and its label.
import type { ConnectionState, ConnectionStatus } from '../../../common/contract/index'
import type { ProfileView } from '../../../common/profile'
import type { Store } from '../types'

export const selectProfiles = (s: Store) => s.profiles
export const selectFilter = (s: Store) => s.filter
export const selectProfile = (id: string | undefined) => (s: Store) => (id ? s.profiles.find((p) => p.id === id) : undefined)
export const selectStatus = (id: string | undefined) => (s: Store) => (id ? s.statuses[id] : undefined)
export const selectBusy = (id: string | undefined) => (s: Store) => (id ? s.busy[id] : undefined)

/** Profiles whose name, description, client ID or account ID contains the filter text. */
export function filterProfiles(profiles: ProfileView[], filter: string): ProfileView[] {
  const needle = filter.trim().toLowerCase()
  if (!needle) return profiles
  return profiles.filter((p) => [p.name, p.description, p.clientId, p.accountId].some((v) => v.toLowerCase().includes(needle)))
}

/** The state to show, as main derived it (a locked vault and secrets that need repair included); 'disconnected' until main has reported one. */
export function shownState(status: ConnectionStatus | undefined): ConnectionState {
  return status?.shown ?? 'disconnected'
}

export const selectShownState = (id: string | undefined) => (s: Store) => shownState(id ? s.statuses[id] : undefined)

export const STATE_LABELS: Record<ConnectionState, string> = {
  disconnected: 'Not connected',
  connecting: 'Connecting…',
  connected: 'Connected',
  expiring: 'Expiring soon',
  refreshing: 'Refreshing…',
  reconnect_needed: 'Reconnect needed',
  error: 'Error',
  locked: 'Locked',
  needs_repair: 'Needs repair',
}

export type StateTone = 'ok' | 'warn' | 'busy' | 'bad' | 'muted'
export const STATE_TONES: Record<ConnectionState, StateTone> = {
  disconnected: 'muted',
  connecting: 'busy',
  connected: 'ok',
  expiring: 'warn',
  refreshing: 'busy',
  reconnect_needed: 'bad',
  error: 'bad',
  locked: 'muted',
  needs_repair: 'bad',
}

export const GRANT_LABELS = { s2s: 'Server-to-Server', authorization_code: 'OAuth' } as const

/** A short description of the kind of app, e.g. "Server-to-Server" or "OAuth · user · public". */
export function profileKind(p: Pick<ProfileView, 'grant' | 'appType' | 'clientType'>): string {
  if (p.grant === 's2s') return GRANT_LABELS.s2s
  return [`${p.appType === 'admin' ? 'Admin' : 'User'}-managed OAuth`, p.clientType === 'public' ? 'public (PKCE)' : undefined].filter(Boolean).join(' · ')
}

/** A few words for the sidebar: "S2S", "User OAuth", "Admin OAuth", "Public PKCE". */
export function shortKind(p: Pick<ProfileView, 'grant' | 'appType' | 'clientType'>): string {
  if (p.grant === 's2s') return 'S2S'
  if (p.clientType === 'public') return 'Public PKCE'
  return p.appType === 'admin' ? 'Admin OAuth' : 'User OAuth'
}
