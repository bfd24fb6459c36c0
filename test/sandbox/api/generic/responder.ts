// Answers every GET of Zoom's files that no hand-written endpoint serves, from the operation's
// response schema: scopes as the file lists them, path parameters checked against the lists that
// give their values out (links.ts), then the object or a page of the list.
//
// Lists: each list (a path template with its parameters' values, e.g. `/rooms/{roomId}/devices`
// for one room) has a number of items fixed by the seed and that path; top-level lists are never
// empty (a crawl fans out over them), nested ones are empty one time in five, and one in ten has
// more than 60 items (several pages at Zoom's default page size of 30). Paged by
// `next_page_token` (or `page_number` where that is the operation's style) with the sandbox's
// page tokens, `page_size` up to the file's maximum (300 where the file gives none, Zoom's usual
// maximum). Filters in the query (status, type, …) select nothing: every item answers, except
// the dates of a list whose from/to are dates (dated-list.ts). SCIM2's lists page by startIndex
// and count instead, and follow the filters scim-list.ts can follow.
import { hash2, hash3, hashString, between, unit } from '../../hash'
import type { AccessRecord } from '../../oauth/grants'
import { checkAcceptedScopes } from '../access'
import type { ApiDeps } from '../handler'
import { pageEnvelope } from '../handler'
import { pageInfo, pageSizeOf, resultSetKey } from '../pagination'
import { type ApiResponse, Errors } from '../responses'
import { ApiRouter, type RouteMatch } from '../router'
import { objectProperties } from '../../../../common/zoom/api/parse'
import type { ApiOperation, JsonSchema } from '../../../../common/zoom/api/types'
import { datedListOf, formatRowTime, rowsIn, rowTime, windowOf, type DatedList } from './dated-list'
import { IdCodec, idStyleOf } from './id-codec'
import { itemSchemaOf, LinkResolver, snakeCase, type ParamLink } from './links'
import { notFoundResponse } from './not-found'
import { effectiveSchema, generateObject, generateValue, holdsPeople, type ValueContext } from './values'
import type { ZoomFiles } from './zoom-files'
import { passesScimFilter, scimFilterOf, scimListResponse, scimWindowOf } from './scim-list'

export interface GenericRequest {
  op: ApiOperation
  params: Record<string, string>
  query: URLSearchParams
  access: AccessRecord
}

/** Zoom's default page size where the file states none. */
const DEFAULT_PAGE_SIZE = 30
/** Zoom's usual largest page where the file states none (its pagination guide: up to 300). */
const DEFAULT_MAX_PAGE_SIZE = 300
/** Every list's items are returned at once when the operation has no paging; keep those short. */
const MAX_UNPAGED_ITEMS = 40
const PAGING_PARAMS = new Set(['next_page_token', 'page_size', 'page_number'])
const MAX_CODECS = 10_000

interface Resolved {
  /** The request path with canonical values (a user's id for `me`): the key of its data. */
  concrete: string
  /** Each path parameter's value as answers should echo it. */
  echo: Record<string, string>
  own: boolean
  /** The item a trailing list-linked parameter names, with the property its id sits in. */
  item?: { entity: number; keyProperty: string; id: string; person: boolean }
  missing?: { param: string; value: string; isUser: boolean }
}

export class GenericGets {
  private readonly router: ApiRouter<ApiOperation>
  private readonly links: LinkResolver
  private readonly ctx: ValueContext
  private readonly codecs = new Map<string, IdCodec>()
  private readonly dated = new Map<ApiOperation, DatedList | undefined>()

  /** `handWritten`: the GET path templates the hand-written endpoints serve (left to them). */
  constructor(private readonly files: ZoomFiles, private readonly deps: ApiDeps, handWritten: ReadonlySet<string>) {
    const served = [...files.catalog.gets.values()].filter((op) => !handWritten.has(op.path))
    this.router = new ApiRouter(served)
    const lists = new Map(served.filter((op) => op.listKey !== undefined).map((op) => [op.path, op]))
    this.links = new LinkResolver(lists, served.map((op) => op.path))
    this.ctx = { seed: deps.data.seed, anchorMs: deps.data.anchorMs }
  }

  /** `path` relative to /v2. */
  match(path: string): RouteMatch<ApiOperation> | undefined {
    return this.router.match(path, 'get')
  }

  respond(request: GenericRequest): ApiResponse {
    const { op } = request
    const resolved = this.resolve(op, request.params, request.access)
    const scopes = [...op.scopes.classic, ...op.scopes.granular].map((s) => s.trim()).filter((s) => s !== '')
    // An operation whose file lists no scope takes any valid token.
    if (scopes.length > 0) {
      const denied = checkAcceptedScopes(scopes, request.access, resolved.own)
      if (denied !== undefined) return denied
    }
    if (resolved.missing) {
      const { param, value, isUser } = resolved.missing
      return notFoundResponse(this.files.notFound.get(op.path), param, value, isUser)
    }
    for (const param of op.params) {
      if (param.in !== 'query' || !param.required || PAGING_PARAMS.has(param.name)) continue
      const value = request.query.get(param.name)
      // Zoom's validation envelope: code 300 with the field named in errors[]; the wording is ours.
      if (value === null || value === '') return { status: 400, json: JSON.stringify({ code: 300, message: 'Validation Failed.', errors: [{ field: param.name, message: `${param.name} is required.` }] }) }
    }
    if (op.responseSchema === undefined) return download(op, resolved.concrete)
    if (op.listKey === undefined) return this.object(op, resolved)
    return op.pagination === 'start_index' ? this.scimList(op, resolved, request.query) : this.list(op, resolved, request.query)
  }

  /** A SCIM list, paged by startIndex and count, filtered where the sandbox can follow the filter (scim-list.ts). */
  private scimList(op: ApiOperation, resolved: Resolved, query: URLSearchParams): ApiResponse {
    const filter = scimFilterOf(op, query)
    if (!filter.ok) return filter.response
    const key = resolved.concrete
    const rows: unknown[] = []
    for (let k = 0, total = this.count(op, key); k < total; k++) {
      const row = this.item(op, key, k, resolved.echo)
      if (passesScimFilter(row, filter.filter)) rows.push(row)
    }
    return scimListResponse(rows, scimWindowOf(op, query))
  }

  /** Path parameters left to right: each checked against its list, users against the sandbox's users. */
  private resolve(op: ApiOperation, params: Record<string, string>, access: AccessRecord): Resolved {
    const links = this.links.linksOf(op.path)
    const segments = op.path.split('/')
    const out: Resolved = { concrete: '', echo: {}, own: true }
    let p = 0
    for (let i = 1; i < segments.length; i++) {
      const segment = segments[i]!
      if (!segment.startsWith('{')) {
        out.concrete += `/${segment}`
        // Only a trailing id names the object answered (`/rooms/{roomId}`, not `/rooms/{roomId}/settings`).
        delete out.item
        continue
      }
      const name = segment.slice(1, -1)
      const raw = params[name] ?? ''
      const link: ParamLink = links[p++]!
      let canonical = raw
      out.echo[name] = raw
      delete out.item
      if (link.kind === 'user') {
        const users = this.deps.data.users
        const index = raw === 'me' ? access.userIndex : users.resolve(raw)
        out.own = index !== undefined && index === access.userIndex
        if (index === undefined) {
          out.missing ??= { param: name, value: raw, isUser: true }
        } else {
          canonical = users.userId(index)
          out.echo[name] = name === 'email' ? users.email(index) : canonical
        }
      } else if (link.kind === 'list' && out.missing === undefined) {
        const parent = out.concrete
        const k = this.codec(link.list, parent).decode(raw)
        if (k === undefined || k >= this.count(link.list, parent)) out.missing = { param: name, value: raw, isUser: false }
        else out.item = { entity: itemEntity(this.ctx.seed, parent, k), keyProperty: link.keyProperty, id: raw, person: holdsPeople(link.list.listKey!) }
      }
      out.concrete += `/${encodeURIComponent(canonical)}`
    }
    return out
  }

  private object(op: ApiOperation, resolved: Resolved): ApiResponse {
    const json = this.deps.cache.get(`generic|${resolved.concrete}`, () => {
      const schema = effectiveSchema(op.responseSchema!)
      // The object a trailing id names is that list item: same entity, so the same names and values.
      const entity = resolved.item?.entity ?? hash2(this.ctx.seed, hashString(resolved.concrete))
      // A few GETs answer a bare array (or a value) rather than an object.
      if (schema.type !== 'object' && schema.properties === undefined) return Buffer.from(JSON.stringify(generateValue(schema, entity, op.operationId, this.ctx, 0, true)))
      const body = generateObject(schema, entity, resolved.item?.person === true ? { ...this.ctx, person: true } : this.ctx)
      const properties = objectProperties(schema)
      echoParams(body, properties, resolved.echo)
      if (resolved.item) {
        for (const name of new Set(['id', resolved.item.keyProperty])) setTyped(body, properties, name, resolved.item.id)
      }
      return Buffer.from(JSON.stringify(body))
    })
    return { status: 200, json: [json] }
  }

  private list(op: ApiOperation, resolved: Resolved, query: URLSearchParams): ApiResponse {
    const key = resolved.concrete
    const dated = this.datedList(op)
    let rows: number[] | undefined
    let window: { from: string; to: string } | undefined
    if (dated !== undefined) {
      const parsed = windowOf(dated, query, this.deps.clock.now(), op.path)
      if (!parsed.ok) return parsed.response
      window = parsed.window
      // Rows with no date field are the window's totals (per user, per room): every window has them.
      if (dated.field !== undefined) rows = rowsIn(parsed.window, this.count(op, key), (k) => rowTime(this.ctx.seed, key, k, this.ctx.anchorMs))
    }
    const total = rows?.length ?? this.count(op, key)
    const paged = op.pagination !== 'none'
    const pageSizeParam = op.params.find((p) => p.in === 'query' && p.name === 'page_size')?.schema.default
    const schema = effectiveSchema(op.responseSchema!)
    const properties = objectProperties(schema)
    // A few answers declare a smaller largest page than their request parameter does.
    const answerMax = properties.page_size?.maximum
    const max = Math.min(op.maxPageSize ?? DEFAULT_MAX_PAGE_SIZE, typeof answerMax === 'number' ? answerMax : Infinity)
    const pageSize = paged ? pageSizeOf(query, max, typeof pageSizeParam === 'number' ? pageSizeParam : DEFAULT_PAGE_SIZE) : Math.max(total, 1)
    const setKey = resultSetKey(key, query)
    const start = paged ? this.deps.pageTokens.start(setKey, query, pageSize) : { ok: true as const, offset: 0 }
    // Zoom Phone answers a bad page token with code 400, the other APIs with 300.
    if (!start.ok) return Errors.badPageToken(op.family === 'phone' ? 400 : 300)
    const page = pageInfo(this.deps.pageTokens, setKey, start.offset, pageSize, total)
    const windowKey = window === undefined ? '' : `|${window.from}|${window.to}`
    const items = this.deps.cache.get(`generic|${key}${windowKey}|${page.offset}|${pageSize}`, () => {
      const end = Math.min(page.offset + pageSize, total)
      const parts: string[] = []
      for (let i = page.offset; i < end; i++) {
        // A dated list's rows keep their place in the whole list: the same id and date in every window.
        const k = rows === undefined ? i : rows[i]!
        const item = this.item(op, key, k, resolved.echo)
        if (dated?.field !== undefined && isRecord(item)) item[dated.field.name] = formatRowTime(dated.field, rowTime(this.ctx.seed, key, k, this.ctx.anchorMs))
        parts.push(JSON.stringify(item))
      }
      return Buffer.from(`[${parts.join(',')}]`)
    })
    const head = generateObject(schema, hash2(this.ctx.seed, hashString(`${key}#envelope`)), this.ctx)
    delete head[op.listKey!]
    echoParams(head, properties, resolved.echo)
    for (const name of ['from', 'to'] as const) {
      // A dated list says which window it answered (its default when none was asked for), as a
      // date-time where its envelope declares one: the window's first or last second.
      const value = window === undefined ? query.get(name) : echoedBound(properties[name], name, window[name])
      if (value !== null && value !== '') setTyped(head, properties, name, value)
    }
    setTyped(head, properties, 'page_size', paged ? pageSize : total)
    setTyped(head, properties, 'total_records', total)
    setTyped(head, properties, 'page_count', Math.ceil(total / pageSize))
    setTyped(head, properties, 'page_number', page.pageNumber)
    // A list paged by next_page_token always says where the next page is, even where its file
    // forgets to declare the field (61 lists): without it no client could page.
    if (op.pagination === 'next_page_token') head.next_page_token = page.nextPageToken
    else setTyped(head, properties, 'next_page_token', page.nextPageToken)
    return { status: 200, json: pageEnvelope(head, op.listKey!, items) }
  }

  /** The k-th item of the list at `key`. */
  private item(op: ApiOperation, key: string, k: number, echo: Record<string, string>): unknown {
    const itemSchema = itemSchemaOf(op)
    const entity = itemEntity(this.ctx.seed, key, k)
    if (itemSchema.type !== 'object' && itemSchema.properties === undefined) return generateValue(itemSchema, entity, op.listKey!, this.ctx)
    const item = generateObject(itemSchema, entity, holdsPeople(op.listKey!) ? { ...this.ctx, person: true } : this.ctx)
    const properties = objectProperties(itemSchema)
    echoParams(item, properties, echo)
    const keyProperty = this.links.keyPropertyOf(op)
    if (keyProperty !== undefined) {
      const id = this.codec(op, key).encode(k)
      item[keyProperty] = id
      // A field the file shows with the id's own example value is the id again (`room_id` of `/rooms`).
      const example = properties[keyProperty]?.example
      for (const [name, schema] of Object.entries(properties)) {
        if (name !== keyProperty && example !== undefined && schema.example === example) setTyped(item, properties, name, id)
      }
    }
    return item
  }

  private datedList(op: ApiOperation): DatedList | undefined {
    if (!this.dated.has(op)) this.dated.set(op, datedListOf(op, itemSchemaOf(op), this.files.badRequest.get(op.path)))
    return this.dated.get(op)
  }

  /** How many items the list at `key` has (in every window together, for a dated list). */
  count(op: ApiOperation, key: string): number {
    const h = hash2(this.ctx.seed, hashString(`count|${key}`))
    const size = hash2(h, 0x512e)
    const u = unit(h)
    let n: number
    if (!op.path.includes('{')) n = u < 0.15 ? between(size, 1, 12) : u < 0.8 ? between(size, 13, 60) : between(size, 61, 240)
    else n = u < 0.2 ? 0 : u < 0.65 ? between(size, 1, 12) : u < 0.9 ? between(size, 13, 60) : between(size, 61, 240)
    if (op.pagination === 'none') n = Math.min(n, MAX_UNPAGED_ITEMS)
    const rows = objectProperties(op.responseSchema)[op.listKey ?? '']
    if (typeof rows?.maxItems === 'number') n = Math.min(n, rows.maxItems)
    // Items named by a fixed set of keys: at most one each.
    const style = this.codec(op, key).style
    if (style.kind === 'enum') n = Math.min(n, style.values.length)
    return n
  }

  /**
   * The style of a list's ids: as its items declare them, unless the list's detail GET
   * (`/calendars/users/{userIdentifier}/settings/{settingId}`) only knows a fixed set of them.
   */
  private idStyle(list: ApiOperation, keyProperty: string, schema: JsonSchema): IdCodec['style'] {
    const own = idStyleOf(effectiveSchema(schema))
    if (own.kind === 'enum') return own
    const detail = this.router.match(`${list.path}/{}`)?.op
    const detailKey = detail?.responseSchema && objectProperties(effectiveSchema(detail.responseSchema))[keyProperty]
    const detailStyle = detailKey && idStyleOf(effectiveSchema(detailKey))
    return detailStyle && detailStyle.kind === 'enum' ? detailStyle : own
  }

  private codec(list: ApiOperation, key: string): IdCodec {
    let codec = this.codecs.get(key)
    if (codec === undefined) {
      const keyProperty = this.links.keyPropertyOf(list)
      const items = objectProperties(itemSchemaOf(list))
      const style = keyProperty === undefined ? { kind: 'b64' as const, length: 22 } : this.idStyle(list, keyProperty, items[keyProperty]!)
      codec = new IdCodec(style, this.ctx.seed, hashString(key))
      if (this.codecs.size >= MAX_CODECS) this.codecs.clear()
      this.codecs.set(key, codec)
    }
    return codec
  }
}

function echoedBound(schema: JsonSchema | undefined, name: 'from' | 'to', day: string): string {
  const s = schema === undefined ? {} : effectiveSchema(schema)
  const dateTime = s.format === 'date-time' || (typeof s.example === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(s.example))
  return dateTime ? `${day}T${name === 'from' ? '00:00:00' : '23:59:59'}Z` : day
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function itemEntity(seed: number, key: string, k: number): number {
  return hash3(seed, hashString(key), k)
}

/** Sets `name` when the schema declares it, as the declared type (a numeric id as a number). */
function setTyped(target: Record<string, unknown>, properties: Record<string, JsonSchema>, name: string, value: string | number): void {
  const schema = properties[name]
  if (schema === undefined) return
  const type = effectiveSchema(schema).type
  if (type === 'integer' || type === 'number') {
    const n = Number(value)
    if (Number.isFinite(n) && String(value) !== '') target[name] = n
  } else if (type === 'string' || type === undefined) {
    target[name] = String(value)
  }
}

/** Path parameters repeated where the answer has a field for them (`room_id` in a room's devices). */
function echoParams(target: Record<string, unknown>, properties: Record<string, JsonSchema>, echo: Record<string, string>): void {
  for (const [name, value] of Object.entries(echo)) {
    for (const field of new Set([name, snakeCase(name)])) if (field !== 'id') setTyped(target, properties, field, value)
  }
}

/** Operations whose files give no JSON body answer a file: a few deterministic bytes. */
function download(op: ApiOperation, concrete: string): ApiResponse {
  return {
    status: Number(op.successStatus ?? '200'),
    json: `sandbox file for ${concrete} (${hashString(concrete).toString(16)})\n`,
    contentType: 'application/octet-stream',
  }
}

