// What the Zoom client needs from the rest of main, as ports: the token manager (main/tokens)
// and the profile store. core.ts passes the real services; tests pass small fakes.
import type { AppError } from '../../common/errors'
import type { BearerToken, TokenProvider as NetTokenProvider } from '../net/token-port'

// The token types are declared once, in main/net; the Zoom client needs only the bearer.
export type { AccessToken, AccessTokenOptions, BearerToken } from '../net/token-port'
export type TokenProvider = NetTokenProvider<BearerToken>
export type { ProfileLookup } from '../profiles/profile-lookup'

/**
 * Told what became of each API call, so the connection's status reflects the last real outcome:
 * a 401 that a token refresh could not cure, or Zoom unreachable, until a call succeeds again.
 */
export interface ConnectionOutcomes {
  succeeded(profileId: string): void
  failed(profileId: string, error: AppError): void
}
