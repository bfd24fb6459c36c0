// Granted versus requested scopes, and which browse tabs a missing scope disables.
import type { ConnectionStatus } from '../../../common/contract/index'
import type { ProfileView } from '../../../common/profile'
import type { ListResource } from '../../../common/zoom/catalog'
import { acceptedScopes, LIST_RESOURCES, missingScopesForApp, scopeLevelOf, scopeMissingMessage, scopesForApp } from '../../../common/zoom/catalog'
import { LIST_RESOURCE_IDS } from '../../../common/zoom/resource-ids'

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
  resource: ListResource
  /** Any one of these would enable the tab; empty = enabled (or unavailable, see below). */
  missing: string[]
  /** No scope this kind of app can be granted reaches it (account-wide resources for a user-level app). */
  unavailable: boolean
  /** What to do about it, in the same words as main's 403 (one source: common/zoom/scopes). */
  advice?: string
}

/** Every browse tab with the scopes it lacks. Unknown before connecting: every tab counts as enabled. */
export function tabAccess(profile: ProfileView, status: ConnectionStatus | undefined): TabAccess[] {
  const known = status !== undefined && status.grantedScopes.length > 0
  const level = scopeLevelOf(profile)
  return LIST_RESOURCE_IDS.map((id) => {
    const resource = LIST_RESOURCES[id]
    if (!known) return { resource, missing: [], unavailable: false }
    const granted = new Set(status.grantedScopes)
    if (acceptedScopes(resource).some((s) => granted.has(s))) return { resource, missing: [], unavailable: false }
    // Only the scopes this kind of app can be granted: the ones the editor's presets and main's 403 name.
    const missing = missingScopesForApp(resource, granted, level)
    return { resource, missing, unavailable: scopesForApp(resource, level).length === 0, advice: scopeMissingMessage(resource, level) }
  })
}
