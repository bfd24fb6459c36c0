// Serves /v2/*: route → bearer token → rate limit → handler, recording stats by route pattern.
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

const JSON_TYPE = 'application/json;charset=UTF-8'

export class ApiDispatcher {
  private readonly router = new ApiRouter(OPERATIONS)
  private readonly statKeys = new Map(OPERATIONS.map((op) => [op.id, `${(op.method ?? 'get').toUpperCase()} /v2${op.path}`]))

  constructor(
    private readonly deps: ApiDeps,
    private readonly grants: GrantStore,
    private readonly rateLimiter: RateLimiter,
    private readonly stats: StatsRecorder,
    private readonly accountId: string,
  ) {}

  /** `path` is the full request path starting with /v2/. */
  handle(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): void {
    const match = this.router.match(path.slice(3), (req.method ?? 'GET').toLowerCase())
    if (match === undefined) {
      this.send(res, 'unrouted /v2', Errors.notRecognized())
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
    const handler: Handler | undefined = HANDLERS[match.op.id]
    if (handler === undefined) {
      this.send(res, statKey, Errors.notRecognized())
      return
    }
    const method = match.op.method ?? 'get'
    if (method === 'get' || method === 'delete') {
      this.send(res, statKey, handler({ op: match.op, params: match.params, query, access: auth.access }, this.deps), decision.headers)
      return
    }
    // Writes carry a JSON body; Zoom answers one it cannot parse with 400 / 300.
    readBody(req).then(
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

  private send(res: ServerResponse, statKey: string, response: ApiResponse, rateHeaders?: Record<string, string>): void {
    this.stats.apiRequest(statKey, response.status)
    const headers = response.headers === undefined ? rateHeaders : { ...rateHeaders, ...response.headers }
    sendRaw(res, response.status, response.json, JSON_TYPE, headers)
  }
}
