// Ending a connection at the server. RFC 7009 §2.1 leaves it to the server whether revoking an
// access token also ends its grant, so the refresh token is revoked too — first, because revoking
// a refresh token SHOULD also invalidate the access tokens of its grant; the access token is then
// revoked for servers that do not do that.
import type { TokenSet } from '../tokens/token-set'
import type { OAuthClient, TokenEndpointClient } from './token-endpoint'

/**
 * Resolves once the grant is over at the server: the refresh token (if any) was revoked, or,
 * without one, the access token was. Rejects with the first failure otherwise.
 */
export async function revokeTokenSet(endpoint: TokenEndpointClient, oauthBase: string, client: OAuthClient, set: Pick<TokenSet, 'accessToken' | 'refreshToken'>): Promise<void> {
  if (set.refreshToken === undefined) return endpoint.revoke(oauthBase, client, set.accessToken)
  await endpoint.revoke(oauthBase, client, set.refreshToken)
  // The grant has ended; a server that already dropped the access token with it may refuse this
  // second request, and that is not a failure.
  await endpoint.revoke(oauthBase, client, set.accessToken).catch(() => undefined)
}
