// The catalog of Zoom's whole REST API, as read from Zoom's published OpenAPI files (one file per
// product). Plain data: main builds it, the renderer and the console read it.
import type { AcceptedScopes } from '../catalog-types'
import type { RateCategory, RateFamily } from '../rate-limits'

/** A JSON Schema fragment as Zoom's OpenAPI 3.0 files write it (no `$ref`s in those files). */
export type JsonSchema = Readonly<Record<string, unknown>>

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * How a GET list pages: Zoom's `next_page_token`, the older `page_number`, SCIM's `startIndex`
 * (1-based) and `count` (RFC 7644 §3.4.2.4), or one answer.
 */
export type PaginationStyle = 'next_page_token' | 'page_number' | 'start_index' | 'none'

export interface ApiParam {
  name: string
  in: 'path' | 'query' | 'header'
  required: boolean
  description?: string
  /** The parameter's schema as written (type, enum, default, format, minimum, maximum, …). */
  schema: JsonSchema
  type?: string
  enum?: readonly (string | number | boolean)[]
  default?: unknown
  deprecated?: boolean
}

export interface ApiRequestBody {
  contentType: string
  required: boolean
  schema?: JsonSchema
  example?: unknown
}

export interface ApiOperation {
  method: ApiMethod
  /** Relative to `/v2`, exactly as Zoom's file writes it: `/users/{userId}/recordings`. */
  path: string
  /** The file it comes from: `Users`, `Phone`, `TeamChat`, … */
  product: string
  operationId: string
  summary: string
  description?: string
  deprecated: boolean
  /** Path, query and header parameters, in the file's order. */
  params: readonly ApiParam[]
  requestBody?: ApiRequestBody
  /** The status of the documented success answer (`200`, `201`, `204`, …). */
  successStatus?: string
  /** The JSON schema of the success answer, if it has a body. */
  responseSchema?: JsonSchema
  scopes: AcceptedScopes
  /** The label as written in the description ("LIGHT", "Medium", …), when there is one. */
  rateLabel?: string
  /** The label read as a category; absent when the file gives none or one Zoom does not define. */
  rateCategory?: RateCategory
  family: RateFamily
  pagination: PaginationStyle
  /** page_number paging under another name (Commerce's `page_num`). */
  pageNumberParam?: string
  /** For GETs answering an object with an array of rows: that array's property. */
  listKey?: string
  /** The largest `page_size` the file declares (SCIM's lists: the largest `count`). */
  maxPageSize?: number
  /** Zoom's documentation page for the operation. */
  docsUrl: string
  /**
   * The base URL Zoom documents for this operation when it is not the file's own
   * (`https://fileapi.zoom.us/v2` for most uploads), without a trailing slash.
   */
  server?: string
}

export interface ApiProduct {
  /** The file's name: `TeamChat`. */
  name: string
  /** The API hub's name for it: `team-chat`. */
  domain: string
  title: string
}

export interface ApiCatalog {
  products: readonly ApiProduct[]
  operations: readonly ApiOperation[]
  /** Every GET by its path template (unique across Zoom's files). */
  gets: ReadonlyMap<string, ApiOperation>
  /** The GETs answering rows: `listKey` set. */
  lists: readonly ApiOperation[]
}
