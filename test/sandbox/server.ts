// The request listener: tracking id, faults and latency, then routing to the OAuth server,
// the REST API, recording downloads or the admin hooks.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { SandboxControl } from './admin'
import { handleAdmin } from './admin'
import type { ApiDispatcher } from './api/dispatch'
import type { SandboxContext } from './context'
import type { FaultInjector, FaultRule } from './faults'
import { nextTrackingId, readBody, sendHtml, sendJson, sendRaw, shapeResponse, splitUrl } from './http'
import { handleAuthorizePages } from './oauth/authorize'
import { handleDeviceCode, handleRevoke, handleToken } from './oauth/token-endpoint'
import { DAILY_MESSAGE, QPS_MESSAGE } from './rate-limit'
import { DAY_MS, isoSeconds, startOfUtcDay } from './clock'
import { isServedBesideV2 } from '../../common/zoom/api-prefix'

export interface ServerParts {
  ctx: SandboxContext
  api: ApiDispatcher
  faults: FaultInjector
  control: SandboxControl
  latencyMs(): number
  downloads(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void>
}

export function createListener(parts: ServerParts): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const arrivedAt = performance.now()
    res.setHeader('x-zm-trackingid', nextTrackingId())
    const { path, query } = splitUrl(req.url ?? '/')
    if (path.startsWith('/__admin/')) {
      void handleAdmin(req, res, path, parts.control)
      return
    }
    const method = req.method ?? 'GET'
    const decision = parts.faults.decide(method, path)
    const latency = parts.latencyMs() + decision.latencyMs
    if (latency > 0) shapeResponse(res, { releaseAt: arrivedAt + latency })
    if (decision.fault !== undefined) {
      parts.ctx.stats.fault(decision.fault.kind)
      if (applyFault(req, res, decision.fault, parts.ctx)) return
    }
    route(req, res, path, query, parts).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { code: 500, message: 'Internal server error.' })
      // Surface sandbox bugs in the test output rather than hiding them.
      console.error('zoom sandbox: handler failed', error)
    })
  }
}

async function route(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams, parts: ServerParts): Promise<void> {
  const { ctx } = parts
  if (path.startsWith('/v2/') || isServedBesideV2(path)) return parts.api.handle(req, res, path, query)
  if (req.method === 'POST' && path === '/oauth/token') return handleToken(req, res, ctx)
  if (req.method === 'POST' && path === '/oauth/revoke') return handleRevoke(req, res, ctx)
  if (req.method === 'POST' && path === '/oauth/devicecode') return handleDeviceCode(res)
  if (path.startsWith('/rec/')) return parts.downloads(req, res, path, query)
  if (await handleAuthorizePages(req, res, ctx, path)) return
  if (path === '/' && req.method === 'GET') {
    sendHtml(res, 200, '<!doctype html><html lang="en"><title>Zoom Sandbox</title><h1>Zoom Sandbox</h1><p>OAuth under /oauth, REST under /v2.</p></html>')
    return
  }
  sendJson(res, 404, { code: 404, message: 'Not found.' })
}

/** Applies a fault; returns true when the response is fully handled by it. */
function applyFault(req: IncomingMessage, res: ServerResponse, fault: FaultRule, ctx: SandboxContext): boolean {
  switch (fault.kind) {
    case 'latency':
      return false
    case 'reset':
      // Read nothing more, answer nothing: the client sees ECONNRESET.
      req.socket.resetAndDestroy()
      return true
    case 'status': {
      const status = fault.status ?? 500
      sendJson(res, status, { code: status, message: status === 503 ? 'Service unavailable.' : 'Internal server error.' })
      return true
    }
    case 'html': {
      const status = fault.status ?? 502
      sendHtml(res, status, `<html><head><title>${status} Bad Gateway</title></head><body><center><h1>${status} Bad Gateway</h1></center><hr><center>nginx</center></body></html>`)
      return true
    }
    case 'rate-limit': {
      const daily = fault.rateLimitType === 'daily'
      const headers: Record<string, string> = {}
      if (fault.rateLimitHeaders ?? true) {
        Object.assign(headers, { 'X-RateLimit-Category': 'Medium', 'X-RateLimit-Type': daily ? 'Daily-limit' : 'QPS', 'X-RateLimit-Limit': daily ? '60000' : '20', 'X-RateLimit-Remaining': '0' })
      }
      if (fault.retryAfter === true) headers['Retry-After'] = isoSeconds(ctx.clock.now() + 1000)
      else if (typeof fault.retryAfter === 'number') headers['Retry-After'] = String(fault.retryAfter)
      else if (daily) headers['Retry-After'] = isoSeconds(startOfUtcDay(ctx.clock.now()) + DAY_MS)
      sendRaw(res, 429, JSON.stringify({ code: 429, message: daily ? DAILY_MESSAGE : QPS_MESSAGE }), 'application/json;charset=UTF-8', headers)
      return true
    }
    case 'truncate':
    case 'stall':
      shapeResponse(res, { body: fault.kind })
      return false
    case 'oauth-echo':
      void echoCredentials(req, res, fault)
      return true
  }
}

/** The oauth-echo fault: quotes what the client sent in the error's `reason`. */
async function echoCredentials(req: IncomingMessage, res: ServerResponse, fault: FaultRule): Promise<void> {
  const params = new URLSearchParams(await readBody(req))
  const header = req.headers.authorization ?? ''
  const basic = /^Basic\s+(.+)$/i.exec(header)?.[1]
  const basicSecret = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':').slice(1).join(':') : undefined
  const values: Record<string, string> = {
    secret: params.get('client_secret') ?? (basicSecret ? decodeURIComponent(basicSecret.replaceAll('+', ' ')) : ''),
    token: params.get('refresh_token') ?? params.get('code') ?? '',
    basic: header,
  }
  const reason = (fault.reason ?? 'Refused {secret}').replace(/\{(secret|token|basic)(?::(\d+):(\d+))?\}/g, (_all, name: string, from?: string, to?: string) =>
    from === undefined ? (values[name] ?? '') : (values[name] ?? '').slice(Number(from), Number(to)),
  )
  sendJson(res, fault.status ?? 400, { reason, error: fault.oauthError ?? 'invalid_grant' }, { 'cache-control': 'no-store' })
}
