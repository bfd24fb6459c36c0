// What the Zoom client needs from the rest of main, as ports: the token manager (main/tokens)
// and the profile store. core.ts passes the real services; tests pass small fakes.
import type { AppError } from '../../common/errors'
import type { Profile } from '../../common/profile'

export interface AccessToken {
  accessToken: string
  /** The token response's `api_url` (regional cluster), when Zoom sent one. */
  apiUrl?: string
  /** The API base of the profile the token was minted for, when known. */
  apiBase?: string
}

export interface AccessTokenOptions {
  forceRefresh?: boolean
  /** With forceRefresh: the token Zoom refused, so concurrent 401s cause a single renewal. */
  rejectedToken?: string
  signal?: AbortSignal
}

export interface TokenProvider {
  /**
   * A valid access token for the profile, or a typed AppError. `forceRefresh` asks for a new one
   * even if the cached one looks valid (Zoom said 401/124).
   */
  getAccessToken(profileId: string, options?: AccessTokenOptions): Promise<AccessToken>
}

export interface ProfileLookup {
  /** The profile, or throws AppError('NOT_FOUND'). */
  get(profileId: string): Profile
}

/**
 * Told what became of each API call, so the connection's status reflects the last real outcome:
 * a 401 that a token refresh could not cure, or Zoom unreachable, until a call succeeds again.
 */
export interface ConnectionOutcomes {
  succeeded(profileId: string): void
  failed(profileId: string, error: AppError): void
}
