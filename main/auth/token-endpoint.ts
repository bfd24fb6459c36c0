// The client of Zoom's /oauth/token and /oauth/revoke (zoom-api.md §1.4–1.9, §2).
// Confidential clients authenticate with Basic; public PKCE clients send client_id in the body
// and never a client secret, empty or not (Postman #9409, Insomnia #8809).
// No retries here: a code is exchanged once, a refresh is never repeated blindly (tokens rotate).
import got, { type BeforeRequestHook } from 'got'
import { registerClientCredentials, registerSecret } from '../log/redact'
import { capDownload } from '../net/capped-download'
import { proxyOptions } from '../net/proxy'
import type { Clock } from '../ports'
import { transportFailure } from './http-failure'
import { TokenEndpointError } from './token-endpoint-error'
import { interpretTokenResponse, type TokenResponse } from './token-response'

/** Who asks: `clientSecret` undefined means a public client. */
export interface OAuthClient {
  clientId: string
  clientSecret?: string
}

export interface TokenResult extends TokenResponse {
  /** Local time when the request started: expiry is computed from it (security.md P8). */
  startedAt: number
}

export interface TokenEndpointClient {
  /** POST {oauthBase}/oauth/token with the grant parameters. */
  requestToken(oauthBase: string, client: OAuthClient, params: Record<string, string>, signal?: AbortSignal): Promise<TokenResult>
  /** POST {oauthBase}/oauth/revoke with `token`. Resolves when Zoom confirmed. */
  revoke(oauthBase: string, client: OAuthClient, token: string, signal?: AbortSignal): Promise<void>
  /** Whether a request is on the wire now. */
  busy(): boolean
  /** Resolves once no request is on the wire; each ends by its own timeout at the latest. */
  idle(): Promise<void>
}

export interface TokenEndpointOptions {
  clock: Clock
  /** Whole-request timeout (default 30 s). */
  timeoutMs?: number
  /** Responses larger than this are refused (default 64 KiB). */
  maxBodyBytes?: number
  /** Sends the requests through the system proxy (main/net/proxy). */
  proxy?: BeforeRequestHook
}

export function createTokenEndpointClient(options: TokenEndpointOptions): TokenEndpointClient {
  const timeoutMs = options.timeoutMs ?? 30_000
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024
  // Quitting waits for these (token-manager.ts, settle): Zoom may already have rotated the refresh
  // token a request in flight will bring back.
  const onTheWire = new Set<Promise<unknown>>()

  async function post(url: string, client: OAuthClient, form: Record<string, string>, what: string, signal?: AbortSignal) {
    const body = new URLSearchParams(form)
    const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' }
    if (client.clientSecret !== undefined) {
      // The secret and every encoding of `clientId:secret` a server could quote back.
      registerClientCredentials(client.clientId, client.clientSecret, formEncode)
      // RFC 6749 §2.3.1: each part is form-url-encoded before base64, so a secret with `:`, `+`,
      // `%` or `&` reaches a conformant server intact. Zoom's alphanumeric secrets are unchanged.
      const basic = Buffer.from(`${formEncode(client.clientId)}:${formEncode(client.clientSecret)}`, 'utf8').toString('base64')
      registerSecret(basic)
      headers.authorization = `Basic ${basic}`
    } else {
      body.set('client_id', client.clientId)
    }
    const startedAt = options.clock.now()
    const request = got.post(url, {
      body: body.toString(),
      headers,
      responseType: 'buffer',
      throwHttpErrors: false,
      followRedirect: false,
      retry: { limit: 0 },
      timeout: { request: timeoutMs },
      ...(signal ? { signal } : {}),
      ...proxyOptions(options.proxy),
    })
    const tooLarge = capDownload(request, maxBodyBytes)
    const tracked = Promise.resolve(request).then(ignore, ignore)
    onTheWire.add(tracked)
    void tracked.then(() => onTheWire.delete(tracked))
    try {
      const response = await request
      if (tooLarge() || response.body.length > maxBodyBytes) throw tooLargeError(maxBodyBytes, response.statusCode)
      return { startedAt, response }
    } catch (error) {
      if (tooLarge()) throw tooLargeError(maxBodyBytes)
      if (error instanceof TokenEndpointError) throw error
      throw transportFailure(error, what, signal)
    }
  }

  return {
    async requestToken(oauthBase, client, params, signal) {
      const { startedAt, response } = await post(`${trimBase(oauthBase)}/oauth/token`, client, params, 'The token request', signal)
      const parsed = interpretTokenResponse({
        status: response.statusCode,
        contentType: response.headers['content-type'],
        body: response.body,
        retryAfter: header(response.headers['retry-after']),
        now: options.clock.now(),
      })
      registerSecret(parsed.access_token)
      registerSecret(parsed.refresh_token)
      return { ...parsed, startedAt }
    },

    async revoke(oauthBase, client, token, signal) {
      const { response } = await post(`${trimBase(oauthBase)}/oauth/revoke`, client, { token }, 'Revoking the token', signal)
      if (response.statusCode !== 200) {
        throw new TokenEndpointError('AUTH_TOKEN_ENDPOINT', `Zoom did not revoke the token (HTTP ${response.statusCode})`, 'rejected', { httpStatus: response.statusCode })
      }
    },

    busy: () => onTheWire.size > 0,

    async idle() {
      // A request may start while others end (a renewal queued behind another).
      while (onTheWire.size > 0) await Promise.all([...onTheWire])
    },
  }
}

const ignore = () => undefined

function tooLargeError(cap: number, status?: number): TokenEndpointError {
  return new TokenEndpointError('AUTH_RESPONSE_INVALID', `The token endpoint's response is larger than ${Math.round(cap / 1024)} KB and was refused`, 'transient', status ? { httpStatus: status } : undefined)
}

/** application/x-www-form-urlencoded (RFC 6749 Appendix B), as URLSearchParams writes a value. */
function formEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1)
}

const trimBase = (base: string) => base.replace(/\/+$/, '')
const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)
