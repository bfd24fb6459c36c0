// Calls every GET of Zoom's files on a running sandbox over HTTP, the way a client finds its way
// there: a path parameter's value is taken from the list that gives it out (links.ts's rule),
// users are `me`, other parameters the file's example; required query parameters are filled in,
// and a list whose from/to are dates is asked for a window of 28 days (the latest one; for a
// parent list's values, earlier windows too until there are enough).
// Then checks each answer against the operation's response schema. Used by generic-gets.test.ts
// and `npm run catalog:stats`.
import { DAY_MS, isoDate, parseIsoDate } from './clock'
import { LinkResolver } from './api/generic/links'
import { dateBoundsOf } from './api/generic/dated-list'
import { objectProperties } from '../../common/zoom/api/parse'
import { pagingParamsOf } from '../../common/zoom/api/list-params'
import type { ApiCatalog, ApiOperation, ApiParam } from '../../common/zoom/api/types'
import { schemaValidator } from './openapi'
import { originPathOf } from '../../common/zoom/api-prefix'

export interface SweepAnswer {
  op: ApiOperation
  /** The request, relative to /v2, with its query. */
  request: string
  status: number
  contentType: string
  body: unknown
}

type Json = Record<string, unknown>

/** Candidate values tried per parameter before giving up (a nested list may be empty). */
const CANDIDATES = 6
/** The sweep's date windows: 28 days, within one month whatever the month. */
const WINDOW_DAYS = 28
/** How many windows back a parent list is asked for rows (six months in all). */
const WINDOWS_BACK = 6

export class GenericSweep {
  private readonly links: LinkResolver
  private readonly listed = new Map<string, Promise<string[]>>()

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly catalog: ApiCatalog,
    /** GET templates the hand-written endpoints serve (their lists are not parents here). */
    handWritten: ReadonlySet<string>,
    private readonly today = isoDate(Date.now()),
  ) {
    const served = [...catalog.gets.values()].filter((op) => !handWritten.has(op.path))
    this.links = new LinkResolver(new Map(served.filter((op) => op.listKey !== undefined).map((op) => [op.path, op])), served.map((op) => op.path))
  }

  async get(request: string): Promise<{ status: number; contentType: string; body: unknown }> {
    const res = await fetch(`${this.baseUrl}${originPathOf(request)}`, { headers: { authorization: `Bearer ${this.token}` } })
    const contentType = res.headers.get('content-type') ?? ''
    const text = await res.text()
    return { status: res.status, contentType, body: contentType.includes('json') && text !== '' ? (JSON.parse(text) as unknown) : text }
  }

  /** One answer of `op`, with path parameters that exist; undefined when no parent list has any item. */
  async call(op: ApiOperation): Promise<SweepAnswer | undefined> {
    const path = await this.concrete(op.path)
    if (path === undefined) return undefined
    const request = `${path}${this.requiredQuery(op)}`
    return { op, request, ...(await this.get(request)) }
  }

  private users: Promise<string[]> | undefined

  /** A few of the sandbox's users besides the token's owner, from GET /users. */
  userIds(): Promise<string[]> {
    this.users ??= this.get(`/users?page_size=${CANDIDATES}`).then(({ body }) => ((body as { users?: { id: string }[] }).users ?? []).slice(1).map((u) => u.id))
    return this.users
  }

  /** The required query parameters of `op` with plausible values, and the `back`-th latest date window of a dated list. */
  requiredQuery(op: ApiOperation, back = 0): string {
    const query = new URLSearchParams()
    for (const param of op.params) if (param.in === 'query' && param.required && !pagingParamsOf(op).has(param.name)) query.set(param.name, this.sampleValue(param))
    if (dateBoundsOf(op) !== undefined) {
      const to = parseIsoDate(this.today)! - back * WINDOW_DAYS * DAY_MS
      query.set('from', isoDate(to - (WINDOW_DAYS - 1) * DAY_MS))
      query.set('to', isoDate(to))
    }
    const text = query.toString()
    return text === '' ? '' : `?${text}`
  }

  /** The values a list at `concrete` (a path) gives its children, up to CANDIDATES of them. */
  valuesOf(list: ApiOperation, concrete: string): Promise<string[]> {
    let values = this.listed.get(concrete)
    if (values === undefined) {
      const ask = async (back: number): Promise<string[]> => {
        const { status, body } = await this.get(`${concrete}${this.requiredQuery(list, back)}`)
        const key = this.links.keyPropertyOf(list)
        const rows = status === 200 && key !== undefined ? (body as Json)[list.listKey!] : undefined
        const found = Array.isArray(rows) ? rows.slice(0, CANDIDATES).map((row) => String((row as Json)[key!])) : []
        // A window holds a share of a dated list's rows: earlier ones add candidates (disjoint, so no repeats).
        if (found.length >= CANDIDATES || dateBoundsOf(list) === undefined || back + 1 >= WINDOWS_BACK) return found
        return [...found, ...(await ask(back + 1))].slice(0, CANDIDATES)
      }
      values = ask(0)
      this.listed.set(concrete, values)
    }
    return values
  }

  /** A concrete path for `template` whose list-linked parameters all exist. */
  async concrete(template: string): Promise<string | undefined> {
    const segments = template.split('/').slice(1)
    const links = this.links.linksOf(template)
    const walk = async (i: number, p: number, prefix: string): Promise<string | undefined> => {
      if (i === segments.length) return prefix
      const segment = segments[i]!
      if (!segment.startsWith('{')) return walk(i + 1, p, `${prefix}/${segment}`)
      const link = links[p]!
      const name = segment.slice(1, -1)
      let candidates: string[]
      if (link.kind === 'list') candidates = await this.valuesOf(link.list, prefix)
      else if (link.kind === 'user') candidates = ['me', ...(await this.userIds())]
      else {
        // A value no list gives out is taken as existing: vary it so a nested list can be non-empty.
        const sample = this.sampleValue(this.catalog.gets.get(template)?.params.find((q) => q.name === name))
        candidates = [sample, ...[1, 2, 3, 4, 5].map((n) => (/^\d+$/.test(sample) ? String(Number(sample) + n) : `${sample}${n}`))]
      }
      for (const value of candidates) {
        const path = await walk(i + 1, p + 1, `${prefix}/${encodeURIComponent(value)}`)
        if (path !== undefined) return path
      }
      return undefined
    }
    return walk(0, 0, '')
  }

  private sampleValue(param: ApiParam | undefined): string {
    if (param === undefined) return 'sample'
    const schema = param.schema
    if (param.enum && param.enum.length > 0) return String(param.default ?? param.enum[0])
    if (param.default !== undefined) return String(param.default)
    if (schema.format === 'date' || /^(from|to|start_date|end_date|date)$/.test(param.name)) return this.today
    if (schema.format === 'date-time') return `${this.today}T00:00:00Z`
    if (schema.example !== undefined && typeof schema.example !== 'object') return String(schema.example)
    if (param.type === 'integer' || param.type === 'number') return String(typeof schema.minimum === 'number' ? schema.minimum : 1)
    if (param.type === 'boolean') return 'false'
    return 'sample'
  }
}

/** Whether `op` takes `from` and `to` as dates (the sandbox answers it a window at a time). */
/**
 * Why an answer does not conform, or undefined when it does: 200 with a body valid against the
 * response schema, undeclared fields forbidden. A list paged by next_page_token may carry that
 * field where its file forgets to declare it (the sandbox always sends it, or no client could
 * page); operations without a JSON schema answer a file.
 */
export function nonConformance(answer: SweepAnswer): string | undefined {
  const { op } = answer
  if (answer.status !== Number(op.successStatus ?? '200')) return `status ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`
  if (op.responseSchema === undefined) return answer.contentType.includes('json') ? 'a JSON body where the file documents none' : undefined
  const schema = op.pagination === 'next_page_token' ? withNextPageToken(op.responseSchema) : op.responseSchema
  let validate: ReturnType<typeof schemaValidator>
  try {
    validate = schemaValidator(schema, true)
  } catch (error) {
    return `its schema does not compile: ${(error as Error).message}`
  }
  if (validate(answer.body)) return undefined
  return JSON.stringify(validate.errors?.slice(0, 3))
}

const withToken = new WeakMap<object, Json>()

function withNextPageToken(schema: Json): Json {
  let out = withToken.get(schema)
  if (out === undefined) {
    const token = { next_page_token: { type: 'string' } }
    if (objectProperties(schema).next_page_token !== undefined) out = schema
    else if (schema.properties !== undefined) out = { ...schema, properties: { ...(schema.properties as Json), ...token } }
    else if (Array.isArray(schema.allOf)) out = { ...schema, allOf: [...(schema.allOf as Json[]), { type: 'object', properties: token }] }
    else out = schema
    withToken.set(schema, out)
  }
  return out
}

/**
 * How many of the catalog's list GETs a fresh sandbox answers with a body valid against the
 * list's response schema (hand-written lists included), out of how many.
 */
export async function countValidatingLists(catalog: ApiCatalog, handWritten: ReadonlySet<string>): Promise<{ validating: number; lists: number }> {
  const { startSandbox } = await import('./index')
  const { s2sToken } = await import('./testing')
  const zoom = await startSandbox({ seed: 1, plan: 'unlimited' })
  try {
    const sweep = new GenericSweep(zoom.url, (await s2sToken(zoom)).access_token, catalog, handWritten)
    let validating = 0
    for (const op of catalog.lists) {
      const answer = await sweep.call(op)
      if (answer !== undefined && nonConformance(answer) === undefined) validating++
    }
    return { validating, lists: catalog.lists.length }
  } finally {
    await zoom.close()
  }
}
