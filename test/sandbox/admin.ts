// Test hooks over HTTP, outside /oauth and /v2, for processes that cannot call the Sandbox
// object (the CLI sandbox, the demo, other test processes):
//   GET  /__admin/stats            POST /__admin/stats/reset
//   GET  /__admin/faults           POST /__admin/faults  {faults:[...]} (replace)
//   POST /__admin/faults/add {faults:[...]}               DELETE /__admin/faults
//   GET  /__admin/clock            POST /__admin/clock  {advanceMs}
//   POST /__admin/plan {plan}      POST /__admin/revoke-all       POST /__admin/latency {ms}
//   POST /__admin/codes {app, redirectUri?, codeChallenge?, method?, scopes?, userEmail?} → {code}
//   GET  /__admin/events           POST /__admin/events/emit {types?, count?} → {events}
//   POST /__admin/events/schedule {everyMs, types?}   POST /__admin/events/drop
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { faultListSchema } from './faults'
import { readBody, sendJson } from './http'
import type { Sandbox } from './types'

export type SandboxControl = Omit<Sandbox, 'url' | 'apps' | 'login' | 'accountId' | 'close'>

const faultsBody = z.union([faultListSchema, z.object({ faults: faultListSchema })])
const clockBody = z.object({ advanceMs: z.number().min(0) })
const latencyBody = z.object({ ms: z.number().int().min(0) })
const planBody = z.object({ plan: z.enum(['free', 'pro', 'business', 'unlimited']) })
const emitBody = z.object({ types: z.array(z.string().max(200)).max(100).optional(), count: z.number().int().min(1).max(1000).optional() })
const scheduleBody = z.object({ everyMs: z.number().int().min(0), types: z.array(z.string().max(200)).max(100).optional() })
const codeBody = z.object({
  app: z.enum(['userOAuth', 'adminOAuth', 'public']),
  redirectUri: z.string().optional(),
  codeChallenge: z.string().optional(),
  method: z.enum(['S256', 'plain']).optional(),
  scopes: z.array(z.string()).optional(),
  userEmail: z.string().optional(),
})

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req)
  return text === '' ? {} : JSON.parse(text)
}

export async function handleAdmin(req: IncomingMessage, res: ServerResponse, path: string, control: SandboxControl): Promise<void> {
  const route = `${req.method ?? 'GET'} ${path}`
  try {
    switch (route) {
      case 'GET /__admin/stats':
        return sendJson(res, 200, control.stats())
      case 'POST /__admin/stats/reset':
        control.resetStats()
        return sendJson(res, 200, { status: 'success' })
      case 'GET /__admin/faults':
        return sendJson(res, 200, { faults: control.listFaults() })
      case 'POST /__admin/faults':
      case 'POST /__admin/faults/add': {
        const parsed = faultsBody.parse(await readJson(req))
        const faults = Array.isArray(parsed) ? parsed : parsed.faults
        if (route.endsWith('/add')) control.addFaults(faults)
        else control.setFaults(faults)
        return sendJson(res, 200, { faults: control.listFaults() })
      }
      case 'DELETE /__admin/faults':
        control.setFaults([])
        return sendJson(res, 200, { faults: [] })
      case 'GET /__admin/clock':
        return sendJson(res, 200, { now: control.now() })
      case 'POST /__admin/clock':
        control.advanceClock(clockBody.parse(await readJson(req)).advanceMs)
        return sendJson(res, 200, { now: control.now() })
      case 'POST /__admin/plan':
        control.setPlan(planBody.parse(await readJson(req)).plan)
        return sendJson(res, 200, { status: 'success' })
      case 'POST /__admin/latency':
        control.setLatency(latencyBody.parse(await readJson(req)).ms)
        return sendJson(res, 200, { status: 'success' })
      case 'POST /__admin/revoke-all':
        control.revokeAllGrants()
        return sendJson(res, 200, { status: 'success' })
      case 'POST /__admin/codes': {
        const input = codeBody.parse(await readJson(req))
        return sendJson(res, 200, { code: control.issueCode(stripUndefined(input)) })
      }
      case 'GET /__admin/events':
        return sendJson(res, 200, control.events.info())
      case 'POST /__admin/events/emit':
        return sendJson(res, 200, { events: control.events.emit(stripUndefined(emitBody.parse(await readJson(req)))) })
      case 'POST /__admin/events/schedule':
        control.events.schedule(stripUndefined(scheduleBody.parse(await readJson(req))))
        return sendJson(res, 200, { status: 'success' })
      case 'POST /__admin/events/drop':
        return sendJson(res, 200, { dropped: control.events.drop() })
      default:
        return sendJson(res, 404, { error: 'unknown admin route', route })
    }
  } catch (error) {
    // Validation messages name fields, never secrets.
    sendJson(res, 400, { error: error instanceof Error ? error.message : 'bad request' })
  }
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}
