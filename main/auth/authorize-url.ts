// The authorization request URL (zoom-api.md §1.2): response_type, client_id, redirect_uri, state,
// PKCE challenge and method, and scopes when the profile lists any.
import type { Pkce } from './pkce'

export interface AuthorizeUrlInput {
  /** e.g. https://zoom.us (the cloud's OAuth base). */
  oauthBase: string
  clientId: string
  redirectUri: string
  state: string
  pkce?: Pick<Pkce, 'challenge' | 'method'>
  scopes?: readonly string[]
}

export function authorizeUrl(input: AuthorizeUrlInput): string {
  const url = new URL(`${input.oauthBase.replace(/\/+$/, '')}/oauth/authorize`)
  url.searchParams.set('response_type', 'code')
  url.searchParams.set('client_id', input.clientId)
  url.searchParams.set('redirect_uri', input.redirectUri)
  url.searchParams.set('state', input.state)
  if (input.pkce) {
    url.searchParams.set('code_challenge', input.pkce.challenge)
    // Zoom defaults to `plain` when the method is omitted, so it is always sent explicitly.
    url.searchParams.set('code_challenge_method', input.pkce.method)
  }
  if (input.scopes && input.scopes.length > 0) url.searchParams.set('scope', input.scopes.join(' '))
  return url.toString()
}
