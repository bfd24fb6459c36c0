// Scope arithmetic for the scope warnings: Zoom lets a token call an endpoint when ANY one of the
// endpoint's accepted scopes (classic or granular) was granted.
import type { AcceptedScopes } from './catalog-types'

/** `:admin` and `:master` scopes reach every user's data; the others only the token owner's. */
export function isAccountWideScope(scope: string): boolean {
  return scope.endsWith(':admin') || scope.endsWith(':master')
}

/** Every scope that would do, granular first: the style of every app made in today's Marketplace. */
export function acceptedScopes(resource: { scopes: AcceptedScopes }): string[] {
  return [...resource.scopes.granular, ...resource.scopes.classic]
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

/** What a Zoom app can be granted: admin-level (Server-to-Server, admin-managed) or user-level scopes. */
export type ScopeLevel = 'admin' | 'user'
export type ScopeStyle = 'classic' | 'granular'

/**
 * The style a new connection starts with: every app made in today's Zoom Marketplace (General
 * app, Server-to-Server) has granular scopes and refuses classic names as "Invalid scope";
 * classic scopes exist only on apps made before granular scopes came.
 */
export const DEFAULT_SCOPE_STYLE: ScopeStyle = 'granular'

/** `resource:action` (classic) or `service:action:data_claim` (granular), either with an optional `:admin`/`:master` level. */
function namePartCount(scope: string): number {
  const parts = scope.split(':')
  const last = parts[parts.length - 1]
  return parts.length > 1 && (last === 'admin' || last === 'master') ? parts.length - 1 : parts.length
}

/**
 * The style of a list of scopes as an app lists them, or undefined for none. One name of at most
 * two parts is enough for classic: in Zoom's OpenAPI files almost every granular name has three
 * (the exception is `scim2:admin`), while about twenty classic ones have three or more (such as
 * `meeting_token:read:local_recording`), so a three-part name alone proves nothing and a list
 * that mixes both reads as classic.
 */
export function scopeStyleOf(scopes: readonly string[]): ScopeStyle | undefined {
  if (scopes.length === 0) return undefined
  return scopes.some((scope) => namePartCount(scope) <= 2) ? 'classic' : 'granular'
}

/** Server-to-Server and admin-managed apps get admin-level scopes; user-managed and public apps user-level ones. */
export function scopeLevelOf(app: { grant: string; appType?: string }): ScopeLevel {
  return app.grant === 's2s' || app.appType === 'admin' ? 'admin' : 'user'
}

/**
 * The scopes of `resource` an app of `level` can be granted, classic and granular: admin-level
 * apps get the account-wide (`:admin`, `:master`) ones, user-level apps the others. The one list
 * the editor's presets, the Browse tab warnings and the 403 message all name.
 */
export function grantableScopes(resource: { scopes: AcceptedScopes }, level: ScopeLevel): AcceptedScopes {
  const fits = (scope: string) => (level === 'admin' ? isAccountWideScope(scope) : !isAccountWideScope(scope))
  return { classic: resource.scopes.classic.filter(fits), granular: resource.scopes.granular.filter(fits) }
}

/** `grantableScopes` as one list, granular first (any one of them is enough). */
export function scopesForApp(resource: { scopes: AcceptedScopes }, level: ScopeLevel): string[] {
  const { classic, granular } = grantableScopes(resource, level)
  return [...granular, ...classic]
}

/**
 * What an app of `level` should add so `resource` works: `[]` when a granted scope already
 * covers it, else the alternatives it can be granted (empty too when it can be granted none —
 * check `scopesForApp` to tell "fine" from "not for this app type").
 */
export function missingScopesForApp(resource: { scopes: AcceptedScopes }, grantedScopes: Iterable<string>, level: ScopeLevel): string[] {
  const granted = new Set(grantedScopes)
  if (acceptedScopes(resource).some((scope) => granted.has(scope))) return []
  return scopesForApp(resource, level)
}

/** The 403 message naming what to add, for the app type. */
export function scopeMissingMessage(resource: { title: string; scopes: AcceptedScopes }, level: ScopeLevel): string {
  const scopes = scopesForApp(resource, level)
  if (scopes.length === 0) return `${resource.title} needs ${level === 'user' ? 'an admin-level app (Server-to-Server or admin-managed)' : 'a user-level app'}: this app type cannot be granted a scope for it.`
  return `The token lacks a scope ${resource.title} needs. Add one of ${scopes.join(', ')} to the app in the Zoom Marketplace${level === 'user' ? ' and to this connection’s Scopes (Edit)' : ''}, then reconnect.`
}
