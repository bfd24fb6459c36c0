// Granted versus requested scopes, and which browse tabs a missing scope disables.
import type { ConnectionStatus } from '../../../common/contract/index'
import type { ProfileView } from '../../../common/profile'
import type { ListResource } from '../../../common/zoom/catalog'
import { LIST_RESOURCES, missingScopes } from '../../../common/zoom/catalog'
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
  /** Any one of these would enable the tab; empty = enabled. */
  missing: string[]
}

/** Every browse tab with the scopes it lacks. Unknown before connecting: every tab counts as enabled. */
export function tabAccess(profile: ProfileView, status: ConnectionStatus | undefined): TabAccess[] {
  const known = status !== undefined && status.grantedScopes.length > 0
  return LIST_RESOURCE_IDS.map((id) => {
    const resource = LIST_RESOURCES[id]
    return { resource, missing: known ? missingScopes(resource, status.grantedScopes, { accountWide: isAccountWide(profile) && resource.perUser }) : [] }
  })
}
