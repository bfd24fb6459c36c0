// The shape of a REST handler and the dependencies every handler may use.
import type { Clock } from '../clock'
import type { SandboxData } from '../data/sandbox-data'
import type { AccessRecord } from '../oauth/grants'
import type { Operation } from './catalog'
import type { PageCache } from './page-cache'
import type { PageTokens } from './pagination'
import type { ApiResponse } from './responses'

export interface ApiRequest {
  op: Operation
  params: Record<string, string>
  query: URLSearchParams
  access: AccessRecord
  /** The parsed JSON body of a POST, PATCH or PUT. */
  body?: unknown
}

export interface ApiDeps {
  clock: Clock
  data: SandboxData
  pageTokens: PageTokens
  cache: PageCache
  plan(): string
  baseUrl(): string
  /** Answer refused tokens the RFC 6750 way (SandboxOptions.strict.bearerChallenge). */
  bearerChallenge?: boolean
  /** SandboxOptions.syntheticCallHistory: the fast synthetic call history, when asked for. */
  syntheticCalls?: { total: number; item(k: number): string }
}

export type Handler = (request: ApiRequest, deps: ApiDeps) => ApiResponse

/** Resolves `{userId}` (`me`, an id or an email) and whether it is the token owner. */
export function resolveUserParam(request: ApiRequest, deps: ApiDeps): { index: number | undefined; own: boolean; raw: string } {
  const raw = request.params.userId ?? ''
  if (raw === 'me') return { index: request.access.userIndex, own: true, raw }
  const index = deps.data.users.resolve(raw)
  return { index, own: index !== undefined && index === request.access.userIndex, raw }
}

const CLOSE_BRACE = Buffer.from('}')

/** The page envelope Zoom wraps around list items: pieces around the (cached) items' bytes. */
export function pageEnvelope(fields: Record<string, unknown>, listKey: string, items: Buffer): Buffer[] {
  let head = '{'
  for (const name in fields) {
    const value = fields[name]!
    head += `"${name}":${typeof value === 'number' ? value : JSON.stringify(value)},`
  }
  return [Buffer.from(`${head}"${listKey}":`), items, CLOSE_BRACE]
}
