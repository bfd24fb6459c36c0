// Granted versus requested scopes, and which browse tabs a missing scope disables.
import type { ConnectionStatus } from '../../../common/contract/index'
import type { ProfileView } from '../../../common/profile'
import type { BrowseResource } from '../../../common/zoom/browse/browse-resource'
import { acceptedScopes, missingScopesForApp, scopeLevelOf, scopeMissingMessage, scopesForApp } from '../../../common/zoom/catalog'
import type { AcceptedScopes } from '../../../common/zoom/catalog-types'
import { QUICK_PICKS } from '../../../common/zoom/browse/browse-resource'

export interface ScopeRow {
  scope: string
  requested: boolean
  granted: boolean
}

export function compareScopes(profile: ProfileView, status: ConnectionStatus | undefined): ScopeRow[] {
  const granted = new Set(status?.grantedScopes ?? [])
  const requested = new Set(profile.scopes)
  return [...new Set([...profile.scopes, ...granted])].sort().map((scope) => ({ scope, requested: requested.has(scope), granted: granted.has(scope) }))
}

/** Whether the connection reaches the whole account (fan-out tabs then need account-wide scopes). */
export const isAccountWide = (profile: Pick<ProfileView, 'grant' | 'appType'>) => scopeLevelOf(profile) === 'admin'

export interface TabAccess {
  resource: BrowseResource
  /** Any one of these would enable the tab; empty = enabled (or unavailable, see below). */
  missing: string[]
  /** No scope this kind of app can be granted reaches it (account-wide resources for a user-level app). */
  unavailable: boolean
  /** What to do about it, in the same words as main's 403 (one source: common/zoom/scopes). */
  advice?: string
}

/** Every quick-pick tab with the scopes it lacks. Unknown before connecting: every tab counts as enabled. */
export function tabAccess(profile: ProfileView, status: ConnectionStatus | undefined): TabAccess[] {
  return QUICK_PICKS.map((resource) => ({ resource, ...listAccess(profile, status, resource) }))
}

/**
 * What a list lacks for this connection: the scopes it could add (any one would do; the ones
 * this kind of app can be granted, as the editor's presets and main's refusal name them).
 */
export function listAccess(profile: ProfileView, status: ConnectionStatus | undefined, list: { title: string; scopes: AcceptedScopes }): Omit<TabAccess, 'resource'> {
  const known = status !== undefined && status.grantedScopes.length > 0
  if (!known || acceptedScopes(list).length === 0) return { missing: [], unavailable: false }
  const granted = new Set(status.grantedScopes)
  if (acceptedScopes(list).some((s) => granted.has(s))) return { missing: [], unavailable: false }
  const level = scopeLevelOf(profile)
  const missing = missingScopesForApp(list, granted, level)
  return { missing, unavailable: scopesForApp(list, level).length === 0, advice: scopeMissingMessage(list, level) }
}
