// Which token values the log redactor knows, per profile: the current set and the one it
// replaced (a line about a rotation may still name the old token), no more. Older values, the
// tokens of a forgotten connection and tokens nobody kept are unregistered, so the redactor's
// registry stays bounded and does not keep secrets in memory the app itself no longer holds.
import { forgetAllSecrets, forgetSecret, registerSecret } from '../log/redact'
import type { TokenSet } from './token-set'

/** The current set and its predecessor. */
export const REGISTERED_SETS_PER_PROFILE = 2

type Values = Pick<TokenSet, 'accessToken' | 'refreshToken'>

export class RegisteredTokens {
  private readonly recent = new Map<string, Values[]>()

  /** `set` is now the profile's current set. */
  remember(profileId: string, set: Values): void {
    registerSecret(set.accessToken)
    registerSecret(set.refreshToken)
    const previous = (this.recent.get(profileId) ?? []).filter((s) => s.accessToken !== set.accessToken)
    const all = [set, ...previous]
    this.recent.set(profileId, all.slice(0, REGISTERED_SETS_PER_PROFILE))
    this.release(all.slice(REGISTERED_SETS_PER_PROFILE).flatMap(valuesOf))
  }

  /** The profile's connection is gone: none of its tokens stays registered. */
  forget(profileId: string): void {
    const sets = this.recent.get(profileId) ?? []
    this.recent.delete(profileId)
    this.release(sets.flatMap(valuesOf))
  }

  /** Unregisters values no remembered set still holds (a refresh token survives a refresh without rotation). */
  release(values: readonly (string | undefined)[]): void {
    const held = new Set([...this.recent.values()].flat().flatMap(valuesOf))
    for (const value of values) if (value !== undefined && !held.has(value)) forgetSecret(value)
  }

  /** The vault was locked: everything is dropped except what stays in memory anyway (`keep`). */
  dropAll(keep: readonly (readonly [string, Values])[]): void {
    this.recent.clear()
    forgetAllSecrets()
    for (const [profileId, set] of keep) this.remember(profileId, set)
  }
}

const valuesOf = (set: Values): (string | undefined)[] => [set.accessToken, set.refreshToken]
