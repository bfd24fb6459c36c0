// Serves /v2/* and SCIM2's /scim2/* (beside /v2, as on Zoom: common/zoom/api-prefix.ts): route →
// bearer token → rate limit → handler, recording stats by route pattern.
// A GET no hand-written endpoint serves goes to the generic responder for Zoom's files (loaded on
// the first such request), with the rate-limit category of the operation's label.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RateLimiter } from '../rate-limit'
import type { StatsRecorder } from '../stats'
import type { GrantStore } from '../oauth/grants'
import { readBody, sendRaw } from '../http'
import { checkBearer } from './access'
import { OPERATIONS } from './catalog'
import type { ApiDeps, Handler } from './handler'
import { HANDLERS } from './handlers'
import type { ApiResponse } from './responses'
import { Errors } from './responses'
import { ApiRouter } from './router'
import { GenericGets } from './generic/responder'
import { parseUpload, readBytes, UPLOAD_HANDLERS, type ReceivedUpload } from './uploads'
import { loadZoomFiles, type ZoomFiles } from './generic/zoom-files'
import { DocumentedOperations, notEmulated } from './generic/not-emulated'
import { isServedBesideV2, originPathOf } from '../../../common/zoom/api-prefix'

/** The path as Zoom's files write it: `/users/me` for /v2/users/me, `/scim2/Users` as it is; undefined for /v2/scim2/…. */
function operationPathOf(requestPath: string): string | undefined {
  if (isServedBesideV2(requestPath)) return requestPath
  const path = requestPath.slice('/v2'.length)
  return isServedBesideV2(path) ? undefined : path
}

const JSON_TYPE = 'application/json;charset=UTF-8'

/** The files' GETs a hand-written handler answers (one documented elsewhere is not among the files' GETs). */
export const HAND_WRITTEN_GETS: ReadonlySet<string> = new Set(OPERATIONS.filter((op) => (op.method ?? 'get') === 'get' && op.documentedAt === undefined).map((op) => op.path))

/**
 * GETs of Zoom's files whose literal path a hand-written route would take as a parameter value:
 * `/users/summary` is the users summary, not a user named "summary". (generic-gets.test.ts
 * checks this list against the files.)
 */
export const LITERAL_GETS_BESIDE_HAND_WRITTEN: ReadonlySet<string> = new Set(['/meetings/meeting_summaries', '/users/email', '/users/summary', '/users/vanity_name'])

export class ApiDispatcher {
  private readonly router = new ApiRouter(OPERATIONS)
  private readonly statKeys = new Map(OPERATIONS.map((op) => [op.id, `${(op.method ?? 'get').toUpperCase()} /v2${op.path}`]))
  /** Every upload received, oldest first (uploads.ts). */
  readonly uploads: ReceivedUpload[] = []
  /** Undefined until a request needs it; null when Zoom's files are not there. */
  private generic: GenericGets | null | undefined
  /** Every operation of Zoom's files, any method; same lifecycle as `generic`. */
  private documented: DocumentedOperations | null | undefined

  constructor(
    private readonly deps: ApiDeps,
    private readonly grants: GrantStore,
    private readonly rateLimiter: RateLimiter,
    private readonly stats: StatsRecorder,
    private readonly accountId: string,
    /** Folder of Zoom's OpenAPI files for the generic GETs; undefined switches them off. */
    private readonly openApiDir?: string,
  ) {}

  /** `path` is the full request path (starting with /v2/, or /scim2/). */
  handle(req: IncomingMessage, res: ServerResponse, requestPath: string, query: URLSearchParams): void {
    const method = (req.method ?? 'GET').toLowerCase()
    const path = operationPathOf(requestPath)
    // /v2/scim2/… is no path of Zoom's: SCIM2 is served beside /v2 only.
    if (path === undefined) return this.send(res, 'unrouted /v2', Errors.notRecognized())
    if (method === 'get' && LITERAL_GETS_BESIDE_HAND_WRITTEN.has(path) && this.handleGeneric(req, res, path, query)) return
    const match = this.router.match(path, method)
    if (match === undefined) {
      if (method !== 'get' || !this.handleGeneric(req, res, path, query)) this.handleUnserved(req, res, path, method, query)
      return
    }
    const statKey = this.statKeys.get(match.op.id)!
    const auth = checkBearer(req, query, this.grants, this.deps.bearerChallenge === true)
    if (!auth.ok) {
      this.send(res, statKey, auth.response)
      return
    }
    const decision = this.rateLimiter.take(this.accountId, match.op.family, match.op.category)
    if (!decision.ok) {
      this.send(res, statKey, { status: 429, json: JSON.stringify({ code: 429, message: decision.message }), headers: decision.headers })
      return
    }
    if (match.op.upload) {
      this.handleUpload(req, res, statKey, { op: match.op, params: match.params, query, access: auth.access }, decision.headers)
      return
    }
    const handler: Handler | undefined = HANDLERS[match.op.id]
    if (handler === undefined) {
      this.send(res, statKey, notEmulated(method, match.op.path))
      return
    }
    if (method === 'get' || method === 'delete') {
      this.send(res, statKey, handler({ op: match.op, params: match.params, query, access: auth.access }, this.deps), decision.headers)
      return
    }
    // Writes carry a JSON body; Zoom answers one it cannot parse with 400 / 300.
    readBody(req, { answerTooLarge: true }).then(
      (text) => {
        let body: unknown
        try {
          body = text.trim() === '' ? {} : JSON.parse(text)
        } catch {
          this.send(res, statKey, Errors.validation('Request Body should be a valid JSON object.'), decision.headers)
          return
        }
        this.send(res, statKey, handler({ op: match.op, params: match.params, query, access: auth.access, body }, this.deps), decision.headers)
      },
      () => this.send(res, statKey, Errors.validation('Request Body should be a valid JSON object.'), decision.headers),
    )
  }

  /** A multipart upload: recorded as received, then answered by its handler (uploads.ts). */
  private handleUpload(req: IncomingMessage, res: ServerResponse, statKey: string, request: Parameters<Handler>[0], rateHeaders: Record<string, string> | undefined): void {
    const handler = UPLOAD_HANDLERS[request.op.id]
    readBytes(req).then(
      async (bytes) => {
        const upload = await parseUpload(request.op.id, req.headers['content-type'], bytes)
        // Zoom's answer to a body that is no form is not documented; its generic 400 / 300 is the closest.
        if (!upload || !handler) return this.send(res, statKey, Errors.validation('The request body should be multipart/form-data.'), rateHeaders)
        this.uploads.push(upload)
        this.send(res, statKey, handler(request, upload, this.deps), rateHeaders)
      },
      () => this.send(res, statKey, Errors.validation('The file is too large.'), rateHeaders),
    )
  }

  /** Zoom's files, read on the first request that needs them; undefined when they are not there. */
  private zoomFiles(): ZoomFiles | undefined {
    return this.openApiDir === undefined ? undefined : loadZoomFiles(this.openApiDir)
  }

  /**
   * A request nothing here serves: an operation Zoom's files document is refused as not emulated
   * (after the token check, as Zoom checks it first); anything else gets Zoom's 404/2300.
   */
  private handleUnserved(req: IncomingMessage, res: ServerResponse, path: string, method: string, query: URLSearchParams): void {
    if (this.documented === undefined) {
      const files = this.zoomFiles()
      this.documented = files === undefined ? null : new DocumentedOperations(files)
    }
    const op = this.documented?.find(path, method)
    if (op === undefined) return this.send(res, 'unrouted /v2', Errors.notRecognized())
    const statKey = `${method.toUpperCase()} ${originPathOf(op.path)}`
    const auth = checkBearer(req, query, this.grants, this.deps.bearerChallenge === true)
    this.send(res, statKey, auth.ok ? notEmulated(method, op.path) : auth.response)
  }

  /** Serves a GET of Zoom's files; false when no operation there matches either. */
  private handleGeneric(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): boolean {
    if (this.generic === undefined) {
      const files = this.zoomFiles()
      this.generic = files === undefined ? null : new GenericGets(files, this.deps, HAND_WRITTEN_GETS)
    }
    const match = this.generic?.match(path)
    if (match === undefined) return false
    const { op } = match
    const statKey = `GET ${originPathOf(op.path)}`
    const auth = checkBearer(req, query, this.grants, this.deps.bearerChallenge === true)
    if (!auth.ok) {
      this.send(res, statKey, auth.response)
      return true
    }
    // Six GETs carry no rate-limit label; Zoom does not say how it counts them, the sandbox
    // counts them as Medium, the label of most lists.
    const decision = this.rateLimiter.take(this.accountId, op.family, op.rateCategory ?? 'medium')
    if (!decision.ok) {
      this.send(res, statKey, { status: 429, json: JSON.stringify({ code: 429, message: decision.message }), headers: decision.headers })
      return true
    }
    this.send(res, statKey, this.generic!.respond({ op, params: match.params, query, access: auth.access }), decision.headers)
    return true
  }

  private send(res: ServerResponse, statKey: string, response: ApiResponse, rateHeaders?: Record<string, string>): void {
    this.stats.apiRequest(statKey, response.status)
    const headers = response.headers === undefined ? rateHeaders : { ...rateHeaders, ...response.headers }
    sendRaw(res, response.status, response.json, response.contentType ?? JSON_TYPE, headers)
  }
}
