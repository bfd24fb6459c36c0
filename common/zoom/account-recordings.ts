// The account-wide recordings listing (GET /accounts/{accountId}/recordings with `me`), an
// ordinary list described in the catalog: which grants can use it.
import { UNTABBED_LISTS } from './catalog'
import { acceptedScopes } from './scopes'

export const ACCOUNT_RECORDINGS = UNTABBED_LISTS['account.recordings']

/**
 * Whether a grant can use the account-wide listing: one of its scopes is granted. Unknown granted
 * scopes (not connected yet) count as allowed; Zoom's own answer then says what is missing.
 */
export function accountRecordingsAllowed(grantedScopes: readonly string[] | undefined): boolean {
  if (grantedScopes === undefined || grantedScopes.length === 0) return true
  const granted = new Set(grantedScopes)
  return acceptedScopes(ACCOUNT_RECORDINGS).some((scope) => granted.has(scope))
}
