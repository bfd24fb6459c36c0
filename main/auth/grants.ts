// The grant requests of zoom-api.md: Server-to-Server, authorization-code exchange, refresh.
import type { OAuthClient, TokenEndpointClient, TokenResult } from './token-endpoint'

export function mintServerToServer(endpoint: TokenEndpointClient, oauthBase: string, client: OAuthClient, accountId: string, signal?: AbortSignal): Promise<TokenResult> {
  return endpoint.requestToken(oauthBase, client, { grant_type: 'account_credentials', account_id: accountId }, signal)
}

export interface CodeExchange {
  code: string
  redirectUri: string
  codeVerifier?: string
}

/** Called exactly once per code: a failed exchange is reported, never retried (RFC 6749 §4.1.2). */
export function exchangeAuthorizationCode(endpoint: TokenEndpointClient, oauthBase: string, client: OAuthClient, exchange: CodeExchange, signal?: AbortSignal): Promise<TokenResult> {
  const params: Record<string, string> = { grant_type: 'authorization_code', code: exchange.code, redirect_uri: exchange.redirectUri }
  if (exchange.codeVerifier !== undefined) params.code_verifier = exchange.codeVerifier
  return endpoint.requestToken(oauthBase, client, params, signal)
}

export function refreshAccessToken(endpoint: TokenEndpointClient, oauthBase: string, client: OAuthClient, refreshToken: string, signal?: AbortSignal): Promise<TokenResult> {
  return endpoint.requestToken(oauthBase, client, { grant_type: 'refresh_token', refresh_token: refreshToken }, signal)
}
