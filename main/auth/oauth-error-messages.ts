// What an OAuth error code means, in plain words. A server reports why it refused a sign-in
// (RFC 6749 §4.1.2.1, at the redirect) or a token request (§5.2, at the token endpoint) with one
// of a few registered codes; each gets its own message, so a refusal of the requested scopes is
// never reported as the person declining access. Unknown codes are named as the server sent them.

/** Error codes of the authorization response (RFC 6749 §4.1.2.1). */
const AUTHORIZATION_ERRORS: Record<string, string> = {
  access_denied: 'Access was declined at the sign-in',
  invalid_request: 'The sign-in was refused because the request was not accepted (a parameter is missing, invalid or repeated); check the profile’s redirect URL and PKCE setting',
  unauthorized_client: 'The sign-in was refused because this app may not use the authorization-code grant; check the app type in the Zoom Marketplace',
  unsupported_response_type: 'The sign-in was refused because the server does not issue authorization codes to this app',
  invalid_scope: 'The sign-in was refused because of the requested scopes (none, unknown, or more than the app has); list the app’s scopes in the profile',
  server_error: 'The sign-in failed because of an error at the server; try again later',
  temporarily_unavailable: 'The sign-in failed because the server is busy or down for maintenance; try again later',
}

/** Error codes of the token endpoint (RFC 6749 §5.2), other than invalid_grant and invalid_client. */
const TOKEN_ERRORS: Record<string, string> = {
  invalid_request: 'The token request was refused as malformed (a parameter is missing, invalid or repeated)',
  unauthorized_client: 'The token request was refused: this app may not use this grant; check the app type in the Zoom Marketplace',
  unsupported_grant_type: 'The token request was refused: the server does not support this grant for this app',
  invalid_scope: 'The token request was refused because of the requested scopes (none, unknown, or more than the app has)',
}

/** `code` as the server sent it, already made readable (readableText). */
export function authorizationErrorMessage(code: string): string {
  return Object.hasOwn(AUTHORIZATION_ERRORS, code) ? (AUTHORIZATION_ERRORS[code] as string) : `The sign-in was refused with an error this app does not know (${code})`
}

/** Undefined for codes the caller words itself (invalid_grant, invalid_client) or does not know. */
export function tokenErrorMessage(code: string): string | undefined {
  return Object.hasOwn(TOKEN_ERRORS, code) ? TOKEN_ERRORS[code] : undefined
}
