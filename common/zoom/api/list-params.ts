// Checking the parameters a person gives for one of Zoom's lists against its OpenAPI description:
// known names only, enum values among the documented ones, integers and booleans as such,
// required query parameters present. Paging parameters are the app's business, never the caller's.
import type { FieldIssue } from '../../errors'
import { pathParamNames } from '../paths'
import type { ApiOperation, ApiParam } from './types'

export const PAGING_PARAMS: ReadonlySet<string> = new Set(['next_page_token', 'page_size', 'page_number'])

/** SCIM's paging parameters (RFC 7644 §3.4.2.4); paging only on a list that pages by them (Phone's sync lists have a `count` of their own). */
const START_INDEX_PARAMS: ReadonlySet<string> = new Set([...PAGING_PARAMS, 'startIndex', 'count'])

/** The query parameters the app sets itself while it pages through `operation`. */
export function pagingParamsOf(operation: Pick<ApiOperation, 'pagination'>): ReadonlySet<string> {
  return operation.pagination === 'start_index' ? START_INDEX_PARAMS : PAGING_PARAMS
}

export type ApiParamValue = string | number | boolean

/**
 * True for a list that answers only when given a query parameter (a report's from/to): listed
 * as it is it fails, so it cannot give the values of a fan-out over its rows.
 */
export function needsQueryToAnswer(operation: Pick<ApiOperation, 'params' | 'pagination'>): boolean {
  const paging = pagingParamsOf(operation)
  return operation.params.some((p) => p.in === 'query' && p.required && !paging.has(p.name))
}

export interface ApiListParams {
  /** Path parameters given (as strings). */
  path: Record<string, string>
  /** Query parameters to send. */
  query: Record<string, string>
}

export type ApiParamCheck = { ok: true; params: ApiListParams } | { ok: false; issues: FieldIssue[] }

function problem(param: ApiParam, value: ApiParamValue): string | undefined {
  const text = String(value)
  if (param.enum && param.enum.length > 0 && !param.enum.map(String).includes(text)) return `${param.name} must be one of ${param.enum.join(', ')}`
  if (param.type === 'integer' && !/^-?\d{1,15}$/.test(text)) return `${param.name} must be a whole number`
  if (param.type === 'number' && !Number.isFinite(Number(text))) return `${param.name} must be a number`
  if (param.type === 'boolean' && text !== 'true' && text !== 'false') return `${param.name} must be true or false`
  return undefined
}

export function checkApiListParams(operation: ApiOperation, params: Readonly<Record<string, ApiParamValue | undefined>>): ApiParamCheck {
  const issues: FieldIssue[] = []
  const paging = pagingParamsOf(operation)
  const specs = new Map(operation.params.filter((p) => p.in !== 'header').map((p) => [p.name, p]))
  const pathNames = new Set(pathParamNames(operation.path))
  const out: ApiListParams = { path: {}, query: {} }
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue
    if (paging.has(name)) {
      issues.push({ path: name, message: `${name} is set by the app while it pages through the list` })
      continue
    }
    const spec = specs.get(name)
    if (!spec && !pathNames.has(name)) {
      issues.push({ path: name, message: `${operation.method} ${operation.path} has no parameter “${name}”` })
      continue
    }
    const bad = spec && problem(spec, value)
    if (bad) issues.push({ path: name, message: bad })
    else if (pathNames.has(name)) out.path[name] = String(value)
    else out.query[name] = String(value)
  }
  for (const spec of specs.values()) {
    // Paging parameters are sent by the app itself, even where the file marks them required.
    if (spec.in === 'query' && spec.required && !paging.has(spec.name) && out.query[spec.name] === undefined && !issues.some((i) => i.path === spec.name)) issues.push({ path: spec.name, message: `${spec.name} is required` })
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, params: out }
}
