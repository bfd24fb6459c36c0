// Reads one of Zoom's OpenAPI files (OpenAPI 3.0, one per product) into catalog operations, and
// several into a catalog. Pure: the text comes from wherever main keeps the files.
//
// Where Zoom's files put things (checked against all 31 files):
// - classic scopes in `x-extensions.x-macro-scopes`, granular ones in `x-extensions.x-granular-scopes`;
//   `security[].openapi_oauth` lists both together (used when the extensions are missing);
// - the rate-limit label only in the description: "**[Rate Limit Label](…):** `LIGHT`";
// - a list's rows in the one array property of the 200 answer, often inside an `allOf`;
// - pagination as the `next_page_token` query parameter (or, on a few older lists, `page_number`;
//   on SCIM2's lists, `startIndex` and `count`, with the rows under `Resources`);
// - an operation served by another host than the file's (uploads on fileapi.zoom.us) only in its
//   description ("The base URL for this API's is `https://fileapi.zoom.us/v2`", "Please use
//   `https://fileapi.zoom.us` instead of `https://api.zoom.us`"): none of the files uses
//   OpenAPI's operation-level `servers`, which is read first should a later file use it.
import { AppError } from '../../errors'
import { parseRateCategory } from '../rate-limits'
import type { ApiCatalog, ApiMethod, ApiOperation, ApiParam, ApiProduct, ApiRequestBody, JsonSchema, PaginationStyle } from './types'
import { API_PRODUCT_DOMAINS } from './products'

type Json = Record<string, unknown>

const METHODS: readonly ApiMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']
const PARAM_LOCATIONS = new Set(['path', 'query', 'header'])

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

/**
 * The properties of an object schema, `allOf` parts merged (Zoom wraps many list answers in one)
 * and the alternatives of a `oneOf`/`anyOf` too (a few lists answer one of several shapes).
 */
export function objectProperties(schema: unknown): Record<string, JsonSchema> {
  if (!isObject(schema)) return {}
  const own = isObject(schema.properties) ? (schema.properties as Record<string, JsonSchema>) : {}
  const parts = (['allOf', 'oneOf', 'anyOf'] as const).flatMap((key) => (Array.isArray(schema[key]) ? (schema[key] as unknown[]).map(objectProperties) : []))
  return Object.assign({}, ...parts, own) as Record<string, JsonSchema>
}

const RATE_LABEL = /Rate Limit Label[^`]*`([^`]+)`/

/** Zoom's file hosts as its descriptions name them (fileapi.zoom.us, file.zoom.us), with or without /v2. */
const FILE_HOST = /https:\/\/(file(?:api)?\.zoom\.us)(?:\/v2)?\b/

/** The operation's own base URL (always ending in /v2), when Zoom documents one other than the file's. */
function operationServer(raw: Json, description: string | undefined): string | undefined {
  const declared = Array.isArray(raw.servers) && isObject(raw.servers[0]) ? raw.servers[0].url : undefined
  if (typeof declared === 'string' && URL.canParse(declared)) return declared.replace(/\/+$/, '')
  const host = description ? FILE_HOST.exec(description)?.[1] : undefined
  return host ? `https://${host}/v2` : undefined
}

function rateLabel(description: string | undefined): string | undefined {
  return description ? RATE_LABEL.exec(description)?.[1]?.trim() : undefined
}

function param(raw: unknown): ApiParam | undefined {
  if (!isObject(raw) || typeof raw.name !== 'string' || typeof raw.in !== 'string' || !PARAM_LOCATIONS.has(raw.in)) return undefined
  const schema = isObject(raw.schema) ? raw.schema : {}
  return {
    name: raw.name,
    in: raw.in as ApiParam['in'],
    // OpenAPI: path parameters are always required.
    required: raw.in === 'path' || raw.required === true,
    ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
    schema,
    ...(typeof schema.type === 'string' ? { type: schema.type } : {}),
    ...(Array.isArray(schema.enum) ? { enum: schema.enum.filter((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v)) } : {}),
    ...(schema.default !== undefined ? { default: schema.default } : {}),
    ...(raw.deprecated === true || schema.deprecated === true ? { deprecated: true } : {}),
  }
}

function requestBody(raw: unknown): ApiRequestBody | undefined {
  if (!isObject(raw) || !isObject(raw.content)) return undefined
  const [contentType, media] = Object.entries(raw.content)[0] ?? []
  if (contentType === undefined || !isObject(media)) return undefined
  const schema = isObject(media.schema) ? media.schema : undefined
  const example = media.example ?? schema?.example
  return { contentType, required: raw.required === true, ...(schema ? { schema } : {}), ...(example !== undefined ? { example } : {}) }
}

function successAnswer(responses: unknown): { status?: string; schema?: JsonSchema } {
  if (!isObject(responses)) return {}
  const status = Object.keys(responses)
    .filter((s) => /^2\d\d$/.test(s))
    .sort()[0]
  if (status === undefined) return {}
  const answer = responses[status]
  const content = isObject(answer) && isObject(answer.content) ? answer.content : {}
  const media = content['application/json']
  const schema = isObject(media) && isObject(media.schema) ? media.schema : undefined
  return { status, ...(schema ? { schema } : {}) }
}

/** An unpaged answer this many plain fields beside its array is an object that has a list, not a list. */
const MAX_LIST_ENVELOPE_FIELDS = 4

/**
 * The array of rows in a GET's answer. Where an answer has several arrays (a few do), the one of
 * objects is the rows; ties go to the first written. An answer that is not paged counts as a
 * list only when the array is all it has besides a few counters (`/users/{userId}/assistants`,
 * unlike `/users/{userId}`, a user with some arrays among its fields).
 */
export function listKeyOf(schema: JsonSchema | undefined, paged = true): string | undefined {
  const properties = Object.entries(objectProperties(schema))
  // SCIM's `schemas` (the URNs every SCIM answer names) is never the rows.
  const allArrays = properties.filter(([name, s]) => s.type === 'array' && name !== 'schemas')
  // A deprecated array (Phone's call_logs beside call_history) is not the rows while another is there.
  const current = allArrays.filter(([, s]) => s.deprecated !== true)
  const arrays = current.length > 0 ? current : allArrays
  if (!paged && (arrays.length !== 1 || properties.length - 1 > MAX_LIST_ENVELOPE_FIELDS)) return undefined
  const ofObjects = arrays.filter(([, s]) => isObject(s.items) && (s.items.type === 'object' || Object.keys(objectProperties(s.items)).length > 0))
  const candidates = ofObjects.length > 0 ? ofObjects : arrays
  // `messages` beside `deleted_messages` and `edited_messages`: the plain name is the rows, the others qualify it.
  const plain = candidates.find(([name]) => candidates.some(([other]) => other !== name && other.endsWith(`_${name}`)))
  return (plain ?? candidates[0])?.[0]
}

/**
 * How a GET pages, and the name of its page-number parameter. A list that answers a
 * next_page_token pages by it even where the file forgets to declare the parameter (List call
 * queue members, …, List webinars, which declares only page_number); Commerce's older lists number
 * their pages with `page_num`.
 */
function pagination(params: readonly ApiParam[], answer: JsonSchema | undefined): { style: PaginationStyle; pageNumberParam?: string } {
  const query = new Set(params.filter((p) => p.in === 'query').map((p) => p.name))
  if (query.has('next_page_token') || 'next_page_token' in objectProperties(answer)) return { style: 'next_page_token' }
  if (query.has('page_number')) return { style: 'page_number' }
  if (query.has('page_num')) return { style: 'page_number', pageNumberParam: 'page_num' }
  // SCIM (RFC 7644 §3.4.2.4): the client names the first row it wants (1-based) and how many.
  if (query.has('startIndex') && query.has('count')) return { style: 'start_index' }
  return { style: 'none' }
}

function docsUrl(domain: string, tag: string | undefined, method: ApiMethod, path: string): string {
  const base = `https://developers.zoom.us/docs/api/${domain}/`
  return tag ? `${base}#tag/${encodeURIComponent(tag)}/${method}${path}` : base
}

function operation(product: ApiProduct, method: ApiMethod, path: string, raw: Json): ApiOperation {
  const params = (Array.isArray(raw.parameters) ? raw.parameters : []).map(param).filter((p): p is ApiParam => p !== undefined)
  const description = typeof raw.description === 'string' ? raw.description : undefined
  const extensions = isObject(raw['x-extensions']) ? raw['x-extensions'] : {}
  const granular = strings(extensions['x-granular-scopes'])
  let classic = strings(extensions['x-macro-scopes'])
  if (classic.length === 0 && granular.length === 0) {
    const security = Array.isArray(raw.security) ? raw.security : []
    classic = [...new Set(security.flatMap((s) => (isObject(s) ? strings(s.openapi_oauth) : [])))]
  }
  const label = rateLabel(description)
  const category = parseRateCategory(label)
  const success = successAnswer(raw.responses)
  const paged = method === 'GET' ? pagination(params, success.schema) : { style: 'none' as const }
  const paging = paged.style
  const listKey = method === 'GET' ? listKeyOf(success.schema, paging !== 'none') : undefined
  const pageSize = params.find((p) => p.in === 'query' && p.name === (paging === 'start_index' ? 'count' : 'page_size'))?.schema.maximum
  const body = requestBody(raw.requestBody)
  const tag = strings(raw.tags)[0]
  const server = operationServer(raw, description)
  return {
    method,
    path,
    product: product.name,
    operationId: typeof raw.operationId === 'string' ? raw.operationId : `${method} ${path}`,
    summary: typeof raw.summary === 'string' ? raw.summary : '',
    ...(description !== undefined ? { description } : {}),
    deprecated: raw.deprecated === true,
    params,
    ...(body ? { requestBody: body } : {}),
    ...(success.status ? { successStatus: success.status } : {}),
    ...(success.schema ? { responseSchema: success.schema } : {}),
    scopes: { classic, granular },
    ...(label !== undefined ? { rateLabel: label } : {}),
    ...(category ? { rateCategory: category } : {}),
    // Zoom Phone's endpoints are counted in Zoom Phone's own rate-limit table.
    family: product.name === 'Phone' ? 'phone' : 'api',
    pagination: paging,
    ...(paged.pageNumberParam ? { pageNumberParam: paged.pageNumberParam } : {}),
    ...(listKey !== undefined ? { listKey } : {}),
    ...(typeof pageSize === 'number' ? { maxPageSize: pageSize } : {}),
    docsUrl: docsUrl(product.domain, tag, method, path),
    ...(server ? { server } : {}),
  }
}

/** The operations of one product's file. Throws a VALIDATION AppError for something that is no OpenAPI document. */
export function parseApiFile(productName: string, document: unknown): { product: ApiProduct; operations: ApiOperation[] } {
  if (!isObject(document) || !isObject(document.paths)) throw new AppError('VALIDATION', `${productName}: not an OpenAPI document (no “paths”).`)
  const info = isObject(document.info) ? document.info : {}
  const domain = (API_PRODUCT_DOMAINS as Record<string, string>)[productName] ?? productName.toLowerCase()
  const product: ApiProduct = { name: productName, domain, title: typeof info.title === 'string' ? info.title : productName }
  const operations: ApiOperation[] = []
  for (const [path, item] of Object.entries(document.paths)) {
    if (!isObject(item)) continue
    for (const method of METHODS) {
      const raw = item[method.toLowerCase()]
      if (isObject(raw)) operations.push(operation(product, method, path, raw))
    }
  }
  return { product, operations }
}

/** The catalog of several products' files. Throws when two files claim the same GET path. */
export function buildApiCatalog(files: readonly { product: string; document: unknown }[]): ApiCatalog {
  return assembleApiCatalog(files.map((file) => parseApiFile(file.product, file.document)))
}

/** The catalog of files already read with parseApiFile. */
export function assembleApiCatalog(files: readonly ReturnType<typeof parseApiFile>[]): ApiCatalog {
  const products: ApiProduct[] = []
  const operations: ApiOperation[] = []
  const gets = new Map<string, ApiOperation>()
  for (const parsed of files) {
    products.push(parsed.product)
    for (const op of parsed.operations) {
      if (op.method === 'GET') {
        const other = gets.get(op.path)
        if (other) throw new AppError('VALIDATION', `GET ${op.path} is in both ${other.product} and ${op.product}.`)
        gets.set(op.path, op)
      }
      operations.push(op)
    }
  }
  return { products, operations, gets, lists: operations.filter((op) => op.listKey !== undefined) }
}
