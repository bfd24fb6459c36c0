// Whose tokens these are: the grant, client, account and endpoints a token set was issued for.
// A token set carries its identity, and is used or saved only for a profile that still has the
// same one — so a profile re-pointed at other endpoints (by an edit, a race with a renewal, or a
// change to profiles.json) never sends a token minted for the old ones to the new ones.
import { cloudEndpoints, type Grant, type Profile } from '../../common/profile'

export interface GrantIdentity {
  grant: Grant
  clientId: string
  /** Server-to-Server only: the account the token is for. */
  accountId?: string
  /** The OAuth base the token was minted at (and is revoked at). */
  oauthBase: string
  /** The API base of the profile when the token was minted. */
  apiBase: string
}

export function grantIdentityOf(profile: Profile): GrantIdentity {
  const { oauthBase, apiBase } = cloudEndpoints(profile.cloud)
  return { grant: profile.grant, clientId: profile.clientId, ...(profile.grant === 's2s' ? { accountId: profile.accountId } : {}), oauthBase, apiBase }
}

/**
 * Does a stored identity belong to `profile` as it is now? An identity without endpoints comes
 * from a set stored before sets carried them: it is judged by grant and client, as it was then.
 */
export function sameGrant(identity: Omit<GrantIdentity, 'oauthBase' | 'apiBase'> & Partial<Pick<GrantIdentity, 'oauthBase' | 'apiBase'>>, profile: Profile): boolean {
  // Field by field, no allocation beyond the endpoints: this runs on every API request.
  if (identity.grant !== profile.grant || identity.clientId !== profile.clientId) return false
  if (identity.oauthBase === undefined || identity.apiBase === undefined) return true
  const { oauthBase, apiBase } = cloudEndpoints(profile.cloud)
  const accountId = profile.grant === 's2s' ? profile.accountId : undefined
  return identity.oauthBase === oauthBase && identity.apiBase === apiBase && identity.accountId === accountId
}
