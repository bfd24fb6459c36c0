// Scopes before and after a crawl's requests. Before: a grant that has none of the scopes a list
// accepts (classic or granular) for the profile's app type is refused with the exact scopes to add,
// without sending anything. After: Zoom's 403 names every scope its files accept; the person
// needs the ones their app type can be granted — the same the editor's presets and the Browse
// picker name.
import { AppError, isAppError } from '../../../common/errors'
import type { AcceptedScopes } from '../../../common/zoom/catalog-types'
import { acceptedScopes, scopeMissingMessage, scopesForApp, type ScopeLevel } from '../../../common/zoom/scopes'

export type ScopeLevelOf = (profileId: string) => ScopeLevel

export interface ScopedList {
  title: string
  path: string
  scopes: AcceptedScopes
}

function levelOf(scopeLevel: ScopeLevelOf | undefined, profileId: string): ScopeLevel | undefined {
  try {
    return scopeLevel?.(profileId)
  } catch {
    return undefined
  }
}

/** Zoom's 403 for `list` in the words of the profile's app type; anything else as it is. */
export function forAppType(error: unknown, list: ScopedList, scopeLevel: ScopeLevelOf | undefined, profileId: string): unknown {
  const level = levelOf(scopeLevel, profileId)
  if (level === undefined || !isAppError(error) || error.code !== 'ZOOM_SCOPE_MISSING') return error
  return new AppError('ZOOM_SCOPE_MISSING', scopeMissingMessage(list, level), { ...error.details, acceptedScopes: scopesForApp(list, level) })
}

/**
 * Refuses, before any request, lists the grant cannot reach: none of their accepted scopes was
 * granted. Nothing is checked when the granted scopes are not known (never connected, or Zoom
 * did not say) or the list names no scope.
 */
export function checkGrant(lists: readonly ScopedList[], granted: readonly string[] | undefined, level: ScopeLevel): void {
  if (!granted || granted.length === 0) return
  for (const list of lists) {
    const accepted = acceptedScopes(list)
    if (accepted.length === 0 || accepted.some((scope) => granted.includes(scope))) continue
    // Any one of these would do; none is granted.
    throw new AppError('ZOOM_SCOPE_MISSING', scopeMissingMessage(list, level), { acceptedScopes: scopesForApp(list, level) })
  }
}
