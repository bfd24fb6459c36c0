// Scope arithmetic for the scope warnings: Zoom lets a token call an endpoint when ANY one of the
// endpoint's accepted scopes (classic or granular) was granted.
import type { AcceptedScopes } from './catalog-types'

/** `:admin` and `:master` scopes reach every user's data; the others only the token owner's. */
export function isAccountWideScope(scope: string): boolean {
  return scope.endsWith(':admin') || scope.endsWith(':master')
}

/** Every scope that would do, classic first. */
export function acceptedScopes(resource: { scopes: AcceptedScopes }): string[] {
  return [...resource.scopes.classic, ...resource.scopes.granular]
}

/** Zoom's token `scope` field: one space-separated string. */
export function parseScopeString(scope: string | undefined): string[] {
  return scope ? scope.split(/\s+/).filter((s) => s.length > 0) : []
}

export interface MissingScopesOptions {
  /** Only account-wide scopes count: the request concerns other users' data (a fan-out crawl). */
  accountWide?: boolean
}

/**
 * The scopes that would make `resource` usable when none of them is granted, or `[]` when the
 * token can already call it. A non-empty answer is a list of alternatives: any one of them is enough.
 */
export function missingScopes(resource: { scopes: AcceptedScopes }, grantedScopes: Iterable<string>, options: MissingScopesOptions = {}): string[] {
  const granted = grantedScopes instanceof Set ? (grantedScopes as Set<string>) : new Set(grantedScopes)
  const candidates = acceptedScopes(resource).filter((s) => !options.accountWide || isAccountWideScope(s))
  return candidates.some((s) => granted.has(s)) ? [] : candidates
}
