// Granted versus requested scopes, and which browse tabs a missing scope disables.
import type { ConnectionStatus } from '../../../common/contract/index'
import type { ProfileView } from '../../../common/profile'
import type { ListResource } from '../../../common/zoom/catalog'
import { isAccountWideScope, LIST_RESOURCES, missingScopes } from '../../../common/zoom/catalog'
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
export const isAccountWide = (profile: Pick<ProfileView, 'grant' | 'appType'>) => profile.grant === 's2s' || profile.appType === 'admin'

export interface TabAccess {
  resource: ListResource
  /** Any one of these would enable the tab; empty = enabled (or unavailable, see below). */
  missing: string[]
  /** No scope a user-managed app may request reaches it (account-wide resources such as reports). */
  unavailable: boolean
}

/** Every browse tab with the scopes it lacks. Unknown before connecting: every tab counts as enabled. */
export function tabAccess(profile: ProfileView, status: ConnectionStatus | undefined): TabAccess[] {
  const known = status !== undefined && status.grantedScopes.length > 0
  const accountWide = isAccountWide(profile)
  return LIST_RESOURCE_IDS.map((id) => {
    const resource = LIST_RESOURCES[id]
    if (!known) return { resource, missing: [], unavailable: false }
    const candidates = missingScopes(resource, status.grantedScopes, { accountWide: accountWide && resource.perUser })
    // A user-managed app cannot be granted :admin or :master scopes, so only user-level ones help.
    const missing = accountWide ? candidates : candidates.filter((s) => !isAccountWideScope(s))
    return { resource, missing, unavailable: candidates.length > 0 && missing.length === 0 }
  })
}
