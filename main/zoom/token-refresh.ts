// The one token refresh of a request, buffered or streamed: when Zoom refuses the bearer itself
// (401 with code 124, or `WWW-Authenticate: Bearer error="invalid_token"`), nothing was done, so
// the token is renewed once — by force, naming the refused token, so that twenty requests refused
// together cause one renewal — and the request is sent once more. The second answer is final. A
// caller's own Authorization header (the console) is never refreshed.
import { AppError } from '../../common/errors'
import type { Logger } from '../log/logger'
import type { CallState } from './http'
import type { TokenProvider } from './ports'

/** What became of one attempt: its result, or Zoom refusing the bearer (only reported while a refresh may still help). */
export type Attempt<T> = { refused: false; result: T } | { refused: true }

export interface RefreshEnv {
  profileId: string
  tokens: TokenProvider
  log?: Logger | undefined
}

/** `attempt(mayRefresh)` sends the request with `call.token`; with mayRefresh false it never reports a refusal. */
export async function withTokenRefresh<T>(env: RefreshEnv, call: CallState, signal: AbortSignal | undefined, attempt: (mayRefresh: boolean) => Promise<Attempt<T>>): Promise<T> {
  const first = await attempt(!call.ownAuthorization && !call.refreshed)
  if (!first.refused) return first.result
  call.refreshed = true
  const rejectedToken = call.token
  call.token = (await env.tokens.getAccessToken(env.profileId, { forceRefresh: true, ...(rejectedToken ? { rejectedToken } : {}), ...(signal ? { signal } : {}) })).accessToken
  env.log?.info('The server refused the access token (401, code 124 or invalid_token); refreshed it and retrying once')
  const second = await attempt(false)
  if (second.refused) throw new AppError('INTERNAL', 'A request reported a refused token after its one refresh')
  return second.result
}
