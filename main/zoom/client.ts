// The Zoom client of one profile: JSON requests with retries, pagination, raw streaming GETs for
// recording downloads, and the console's "send exactly this" request. Built by createZoomClients
// (clients.ts); see index.ts for the public API.
import type { IncomingHttpHeaders } from 'node:http'
import { Readable } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'
import { FormDataEncoder } from 'form-data-encoder'
import type { PlainResponse, Request, Response } from 'got'
import type { ConsoleResponse } from '../../common/contract/console'
import type { RateUsage } from '../../common/contract/data'
import { AppError } from '../../common/errors'
import type { UrlChecker } from '../../common/zoom/allowlist'
import { resolveConsoleUrl } from '../../common/zoom/console-url'
import { isServedBesideV2 } from '../../common/zoom/api-prefix'
import type { RateCategory, RateFamily } from '../../common/zoom/rate-limits'
import type { Logger } from '../log/logger'
import { valueRedactor } from '../log/redact'
import { isBinaryAnswer } from './binary-type'
import { bytesQuoteSecret, bytesWithoutEchoedSecrets, withoutEchoedSecrets } from './echoed-secrets'
import { errorFromResponse, headerValue, isRefusedAccessToken, toZoomError } from './errors'
import { callState, type CallState, type ProfileHttp } from './http'
import { paginate, type PaginateRequest, type Query, type ZoomPage } from './paginate'
import type { ConnectionOutcomes, TokenProvider } from './ports'
import type { AccountRateLimiter } from './rate-limiter'
import { routeLabel } from './routes'
import { withTokenRefresh, type Attempt } from './token-refresh'
import { setOwnMember } from '../../common/own-member'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface ZoomRequest {
  method?: HttpMethod
  /** Path relative to `/v2`, starting with `/` (`/users/me`); SCIM2's `/scim2/…` go beside /v2. */
  path: string
  searchParams?: Query
  /** JSON request body (not for GET). */
  json?: unknown
  signal?: AbortSignal
  /** Rate-limit bucket; default: the catalog's label for the path, else Light. */
  family?: RateFamily
  category?: RateCategory
  /** Told when this request must wait a noticeable time for Zoom's rate limit, with when it goes on (epoch ms). */
  onRateLimitWait?: (untilMs: number) => void
}

export interface ZoomResponse<T> {
  status: number
  headers: IncomingHttpHeaders
  body: T
  trackingId?: string
  /** Times this request waited for the rate limiter or got a 429 before succeeding. */
  waits: number
}

export interface StreamOptions {
  /** `Range: bytes=start-end` (end inclusive, optional) to resume a download. */
  range?: { start: number; end?: number }
  /** `If-Range` with the range (RFC 9110 §13.1.5): the range only if the file is still this version, else all of it (200). */
  ifRange?: string
  signal?: AbortSignal
}

export interface ZoomStream {
  /** 200, or 206 for a range. */
  status: number
  headers: IncomingHttpHeaders
  /** The body; destroy it to stop. Errors on it are got's (use toZoomError to map them). */
  body: Readable
  /** The URL finally answered (after redirects). */
  url: string
}

export interface RawRequest {
  method: HttpMethod
  /** A path relative to the API base (`/users/me`, `/v2/users/me`) or an absolute URL. */
  url: string
  query?: readonly { name: string; value: string }[]
  headers?: readonly { name: string; value: string }[]
  /** Request body: JSON text, or a multipart form (uploads; encoded with its boundary and length, read again for a redirect). */
  body?: string | FormData
  signal?: AbortSignal
  /** Bytes of the response body kept; the rest is dropped and `truncated` set. */
  maxBodyBytes?: number
}

/**
 * What the console shows, minus the error it adds, plus where the request really went and, for a
 * binary answer, its bytes (kept in main: the console never puts them on the bridge).
 */
export type RawResponse = Omit<ConsoleResponse, 'error' | 'binary'> & { url: string; binaryBytes?: Buffer }

export interface ClientEnv {
  profileId: string
  /** Cloud's API origin without /v2 (e.g. https://api.zoom.us). */
  apiBase: string
  /** Picks a token's regional API base only when it is allowed; the got hooks are what refuse a URL. */
  allowed: UrlChecker
  /** Zoom's hosts a download may be redirected to beyond `allowed`, without credentials (download-hosts.ts). */
  downloadHosts: UrlChecker
  tokens: TokenProvider
  /** The profile's one got instance (http.ts). */
  http: ProfileHttp
  limiter: AccountRateLimiter | undefined
  outcomes?: ConnectionOutcomes
  log?: Logger | undefined
  /** The buffered JSON cap the profile's got instance applies (for the message). */
  maxJsonBytes: number
}

/** Failures that say something about the connection itself, not about one request. */
const CONNECTION_FAILURES = new Set(['NETWORK', 'TIMEOUT', 'ZOOM_UNAUTHORIZED'])

const ERROR_BODY_CAP = 64 * 1024
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export class ZoomClient {
  private lastApiUrl: string | undefined
  private lastBase: string

  constructor(private readonly env: ClientEnv) {
    this.lastBase = `${env.apiBase}/v2`
  }

  get profileId(): string {
    return this.env.profileId
  }

  /** The API origin requests go to by default (the cloud's), without /v2. */
  get apiBase(): string {
    return this.env.apiBase
  }

  /** One JSON request. Throws AppError (typed Zoom errors, NETWORK, TIMEOUT, CANCELLED, DOMAIN_NOT_ALLOWED). */
  async request<T = unknown>(request: ZoomRequest): Promise<ZoomResponse<T>> {
    // A server quoting the token back hands it to no one: not to a crawl's rows, nor any caller.
    return this.buffered(request, this.env.http.buffered, (response, secrets) => withoutEchoedSecrets(response.rawBody, response.body, secrets) as T)
  }

  /**
   * The same request, answered with the body's bytes unparsed (a crawl's page, parsed where it is
   * stored); an answer quoting a secret back comes scrubbed, as JSON text again.
   */
  async requestBytes(request: ZoomRequest): Promise<ZoomResponse<Uint8Array>> {
    return this.buffered(request, this.env.http.bufferedBytes, (response, secrets) => bytesWithoutEchoedSecrets(response.body as Buffer, secrets))
  }

  private async buffered<T>(request: ZoomRequest, mode: ProfileHttp['buffered'] | ProfileHttp['bufferedBytes'], read: (response: Response<unknown>, secrets: (string | undefined)[]) => T): Promise<ZoomResponse<T>> {
    const { signal } = request
    try {
      const auth = await this.env.tokens.getAccessToken(this.env.profileId, signal ? { signal } : undefined)
      const label = request.category ? undefined : routeLabel(request.path)
      const call = callState(request.family ?? label?.family ?? 'api', request.category ?? label?.category, auth.accessToken)
      if (request.onRateLimitWait) call.onRateLimitWait = request.onRateLimitWait
      const url = this.urlFor(auth.apiUrl, request.path)
      const response = await withTokenRefresh(this.env, call, signal, async (mayRefresh): Promise<Attempt<Response<unknown>>> => {
        try {
          const result = await this.env.http.got(url, {
            ...mode,
            method: request.method ?? 'GET',
            context: { zoom: call },
            ...(request.searchParams ? { searchParams: definedOnly(request.searchParams) } : {}),
            ...(request.json !== undefined ? { json: request.json } : {}),
            ...(signal ? { signal } : {}),
          })
          return { refused: false, result }
        } catch (error) {
          if (call.tooLarge) throw new AppError('ZOOM_RESPONSE_INVALID', `Zoom's answer to ${request.path} is larger than any page of a list (over ${Math.round(this.env.maxJsonBytes / 1024 / 1024)} MB) and was dropped.`)
          if (mayRefresh && refusedBearer(error)) return { refused: true }
          throw error
        }
      })
      const trackingId = headerValue(response.headers, 'x-zm-trackingid')
      this.env.outcomes?.succeeded(this.env.profileId)
      const body = read(response, this.secretsOf(call))
      return { status: response.statusCode, headers: response.headers, body, waits: call.waits, ...(trackingId ? { trackingId } : {}) }
    } catch (error) {
      const mapped = toZoomError(error, signal)
      if (CONNECTION_FAILURES.has(mapped.code)) this.env.outcomes?.failed(this.env.profileId, mapped)
      throw mapped
    }
  }

  /** GET `path` (relative to /v2) and return the parsed body. */
  async get<T = unknown>(path: string, options: Omit<ZoomRequest, 'path' | 'method' | 'json'> = {}): Promise<T> {
    return (await this.request<T>({ ...options, path })).body
  }

  /** Pages of a list (see paginate.ts for the restart-without-duplicates strategy). */
  paginate<T = unknown>(request: PaginateRequest): AsyncGenerator<ZoomPage<T>, void, undefined> {
    return paginate<T>(this, request)
  }

  /**
   * What an answer must not quote back: the bearer this call sent (not a person's own
   * Authorization header, which they typed) and the access and refresh tokens the profile holds.
   */
  private secretsOf(call: CallState): (string | undefined)[] {
    return [call.ownAuthorization ? undefined : call.token, ...(this.env.tokens.currentSecrets?.(this.env.profileId) ?? [])]
  }

  /**
   * A raw streaming GET (recording downloads). The URL must be within the allowlist; it gets the
   * bearer token (Zoom wants it for download_url). A redirect is followed only over https (or
   * within the allowlist), to an allowed domain (with the token) or one of Zoom's download hosts
   * (download-hosts.ts, without it); any other is refused with DOMAIN_NOT_ALLOWED before it is
   * opened. Resolves once headers arrive; a status ≥ 400 rejects with the mapped AppError. No
   * retries: resume with `range`.
   */
  async stream(url: string, options: StreamOptions = {}): Promise<ZoomStream> {
    const { signal, range, ifRange } = options
    try {
      const target = this.resolve(url)
      const call = callState('api', undefined, undefined)
      call.redirectHosts = this.env.downloadHosts
      // If-Range never goes without a Range (RFC 9110 §13.1.5).
      const headers: Record<string, string> = range ? { range: `bytes=${range.start}-${range.end ?? ''}`, ...(ifRange !== undefined ? { 'if-range': ifRange } : {}) } : {}
      const { response, stream } = await this.openWithRefresh(target, { method: 'GET', headers, call, signal })
      if (response.statusCode >= 400) {
        const body = await readCapped(stream, ERROR_BODY_CAP)
        throw errorFromResponse({ status: response.statusCode, headers: response.headers, body: body.text })
      }
      return { status: response.statusCode, headers: response.headers, body: stream, url: response.url }
    } catch (error) {
      throw toZoomError(error, signal)
    }
  }

  /**
   * Sends exactly what the console asked: any status comes back as a response, not an error;
   * nothing is retried except once after a 401/124 token refresh (Zoom refused it before doing
   * anything). A caller-supplied Authorization header is sent as is instead of the profile's token.
   */
  async send(request: RawRequest): Promise<RawResponse> {
    const { signal } = request
    const started = performance.now()
    try {
      const resolved = resolveConsoleUrl(request.url, this.env.apiBase, request.query ?? [])
      if (!resolved.ok) throw new AppError('VALIDATION', resolved.message, { issues: [{ path: 'url', message: resolved.message }] })
      const target = resolved.url
      const headers: Record<string, string> = {}
      for (const { name, value } of request.headers ?? []) headers[name.toLowerCase()] = value
      const ownAuthorization = headers.authorization !== undefined
      // A form's Content-Type carries the boundary its encoder chose: one the person typed (Zoom's pages
      // say to send `multipart/form-data`) would lack it and make the body unreadable.
      if (request.body instanceof FormData) delete headers['content-type']
      else if (request.body !== undefined && request.body !== '' && headers['content-type'] === undefined) headers['content-type'] = 'application/json'
      const label = this.isApiUrl(target) ? routeLabel(target.pathname.replace(/^\/v2/, '')) : undefined
      const call = callState(label?.family ?? 'api', label?.category, undefined)
      call.ownAuthorization = ownAuthorization
      const body = BODY_METHODS.has(request.method) ? (request.body ?? '') : undefined
      const { response, stream } = await this.openWithRefresh(target, { method: request.method, headers, body, call, signal })
      const capped = await readCapped(stream, request.maxBodyBytes ?? 2 * 1024 * 1024)
      // The page never holds the profile's token: a server that quotes the request back gets it cut
      // out, whole, cut short by the cap, or changed (base64, reversed, another case, invisible characters).
      // The same secrets as any answer: the bearer sent and the profile's tokens, indexed once for the body and every header.
      const secrets = this.secretsOf(call)
      const scrub = valueRedactor(secrets)
      const declared = Number(headerValue(response.headers, 'content-length'))
      const trackingId = headerValue(response.headers, 'x-zm-trackingid')
      const contentType = headerValue(response.headers, 'content-type')
      const binary = isBinaryAnswer(contentType, capped.bytes.subarray(0, 4096))
      // Bytes cannot be scrubbed without corrupting them: an answer quoting a secret is not kept at
      // all, in any of the forms the text view scrubs it in (base64, reversed, another case, UTF-16),
      // or a saved file would hold what the page is never shown.
      const quotesSecret = binary && bytesQuoteSecret(capped.bytes, secrets)
      const read = { ...capped, text: binary ? (quotesSecret ? '(A binary answer that quotes this connection’s token: not kept.)' : '') : scrub(capped.text) }
      return {
        ...(binary && !quotesSecret ? { binaryBytes: capped.bytes } : {}),
        url: response.url,
        // Everything the server wrote is scrubbed: the status line, header names and values, and the headers read out of them.
        ...(trackingId ? { trackingId: scrub(trackingId) } : {}),
        ...(contentType ? { contentType: scrub(contentType) } : {}),
        status: response.statusCode,
        statusText: scrub(response.statusMessage ?? ''),
        headers: pairs(response.rawHeaders).map(([name, value]) => [scrub(name), scrub(value)]),
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        body: read.text,
        bodyBytes: read.truncated && Number.isFinite(declared) ? declared : read.size,
        truncated: read.truncated,
      }
    } catch (error) {
      throw toZoomError(error, signal)
    }
  }

  rateUsage(): RateUsage[] {
    return this.env.limiter?.usage() ?? []
  }

  /** An absolute URL, or a path relative to the API base, as a URL (not yet allowlist-checked: the request's hook does that before connecting). */
  resolve(pathOrUrl: string): URL {
    const resolved = resolveConsoleUrl(pathOrUrl, this.env.apiBase)
    if (!resolved.ok) throw new AppError('VALIDATION', resolved.message)
    return resolved.url
  }

  /** The URL of a path relative to /v2 (SCIM2's paths, beside /v2, on the same origin: api-prefix.ts). */
  private urlFor(apiUrl: string | undefined, path: string): string {
    const base = this.baseFor(apiUrl)
    return isServedBesideV2(path) ? base.slice(0, -'/v2'.length) + path : base + path
  }

  /** `${api_url}/v2` when the token names an allowed regional cluster, else the cloud's. */
  private baseFor(apiUrl: string | undefined): string {
    if (apiUrl === this.lastApiUrl) return this.lastBase
    let base = `${this.env.apiBase}/v2`
    if (apiUrl && URL.canParse(apiUrl)) {
      const url = new URL(apiUrl)
      if (this.env.allowed(url).ok) base = `${url.origin}/v2`
    }
    this.lastApiUrl = apiUrl
    this.lastBase = base
    return base
  }

  /** A URL of Zoom's API on this profile's API origin: under /v2, or SCIM2's beside it. */
  private isApiUrl(url: URL): boolean {
    return (url.pathname.startsWith('/v2/') || isServedBesideV2(url.pathname)) && (url.origin === new URL(this.env.apiBase).origin || url.origin === new URL(this.lastBase).origin)
  }

  /** Opens a stream through the one refresh path: a 401 refusing our own token is read, the token renewed, and the stream opened again. */
  private openWithRefresh(url: URL, init: OpenInit): Promise<Opened> {
    return withTokenRefresh(this.env, init.call, init.signal, async (mayRefresh): Promise<Attempt<Opened>> => {
      const opened = await this.open(url, init)
      if (!mayRefresh || opened.response.statusCode !== 401) return { refused: false, result: opened }
      const body = await readCapped(opened.stream, ERROR_BODY_CAP)
      if (isRefusedAccessToken(401, opened.response.headers, body.text)) return { refused: true }
      return { refused: false, result: { response: opened.response, stream: replay(body.text) } }
    })
  }

  private open(url: URL, init: OpenInit): Promise<Opened> {
    const form = init.body instanceof FormData ? replayableForm(init.body) : undefined
    init.call.freshBody = form?.read
    return new Promise((resolve, reject) => {
      const stream = this.env.http.got.stream(url, {
        ...this.env.http.streamed,
        method: init.method,
        headers: form ? { ...init.headers, ...form.headers } : init.headers,
        context: { zoom: init.call },
        ...(form ? { body: form.read() } : init.body !== undefined ? { body: init.body } : {}),
        ...(init.signal ? { signal: init.signal } : {}),
      })
      const onError = (error: unknown) => reject(error)
      stream.once('error', onError)
      stream.once('response', (response: PlainResponse) => {
        stream.off('error', onError)
        resolve({ response, stream })
      })
    })
  }
}

interface OpenInit {
  method: HttpMethod
  headers: Record<string, string>
  body?: string | FormData | undefined
  call: CallState
  signal?: AbortSignal | undefined
}

interface Opened {
  response: PlainResponse
  stream: Request | Readable
}

/** got's HTTPError for a 401 in which Zoom refused the bearer itself. */
function refusedBearer(error: unknown): boolean {
  const response = (error as { name?: string; response?: Response<unknown> } | undefined)?.response
  return (error as { name?: string } | undefined)?.name === 'HTTPError' && response !== undefined && isRefusedAccessToken(response.statusCode, response.headers, response.body)
}

function definedOnly(query: Query): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {}
  for (const key in query) {
    const v = query[key]
    if (v !== undefined) setOwnMember(out, key, v)
  }
  return out
}

function pairs(raw: string[]): [string, string][] {
  const out: [string, string][] = []
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] as string, raw[i + 1] as string])
  return out
}

/** Reads up to `cap` bytes, kept as they came and as UTF-8 text; stops (and destroys the stream) beyond it. */
function readCapped(stream: Readable, cap: number): Promise<{ text: string; bytes: Buffer; size: number; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let bytes = 0
    let kept = 0
    // A cut through a multi-byte character drops the partial character rather than garbling it.
    const finish = (truncated: boolean) => {
      const decoder = new StringDecoder('utf8')
      const kept = Buffer.concat(chunks)
      resolve({ text: decoder.write(kept) + (truncated ? '' : decoder.end()), bytes: kept, size: bytes, truncated })
    }
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length
      if (kept < cap) {
        const part = chunk.length > cap - kept ? chunk.subarray(0, cap - kept) : chunk
        chunks.push(part)
        kept += part.length
      }
      if (bytes > cap) {
        stream.removeAllListeners('data')
        stream.destroy()
        finish(true)
      }
    })
    stream.once('end', () => finish(false))
    stream.once('error', reject)
  })
}

/**
 * A form as the console sends it: encoded by form-data-encoder (as got would encode it) with one
 * boundary, so the Content-Type and Content-Length of the first request fit every reading, and
 * read from the start as often as it is asked for (the request, then each redirect that keeps the
 * body; see http.ts). got's own encoding of a FormData is a generator it cannot restart.
 */
function replayableForm(form: FormData): { headers: Record<string, string>; read: () => Readable } {
  const encoder = new FormDataEncoder(form)
  return {
    headers: { 'content-type': encoder.contentType, ...(encoder.contentLength !== undefined ? { 'content-length': encoder.contentLength } : {}) },
    read: () => Readable.from(encoder.encode()),
  }
}

/** A stream that yields text already read (a 401 body that was not 124). */
function replay(text: string): Readable {
  return Readable.from([Buffer.from(text)])
}
