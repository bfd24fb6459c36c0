// The shape of a catalog entry: everything the UI tabs, the scope warnings and the fetching code
// need to know about one Zoom resource.
import type { DetailResourceId, ListResourceId, UntabbedListId } from './resource-ids'
import type { RateCategory, RateFamily } from './rate-limits'

export type ParamType = 'string' | 'integer' | 'boolean' | 'date' | 'enum'

export interface ParamSpec {
  /** The query parameter's name on the wire. */
  name: string
  label: string
  type: ParamType
  /** For `enum`: the values Zoom accepts, in the order the UI offers them. */
  values?: readonly string[]
  /** For `enum`: how each value is offered, where Zoom's code is not what a person says. */
  valueLabels?: Readonly<Record<string, string>>
  /** Zoom's default when the parameter is omitted (informative: the client never sends it by itself). */
  default?: string | number | boolean
  required?: boolean
  /** For `integer`. */
  min?: number
  max?: number
  help?: string
  /**
   * For `enum`: one extra choice Zoom does not know, standing for several of `values` (users'
   * status `all` = active, inactive and pending). Zoom lists one value at a time, so a crawl
   * fetches each of `into` as its own list into one dataset; the value itself is never sent.
   */
  expands?: ParamExpansion
}

export interface ParamExpansion {
  /** The value the person picks, e.g. `all`; never one of the param's `values`. */
  value: string
  /** How the choice is offered, e.g. "All statuses". */
  label: string
  /** The values fetched one list each, a subset of the param's `values`. */
  into: readonly string[]
}

/** A date range Zoom caps (recordings ≤ 1 month, reports within the last 6 months, …). */
export interface DateWindowSpec {
  /** Names of the `from` and `to` parameters (yyyy-mm-dd, inclusive). */
  from: string
  to: string
  /** Longest range one request may ask for, in calendar days counted inclusively. */
  maxDays: number
  /** How far back Zoom keeps the data, in days (e.g. 6 months for reports). */
  maxAgeDays?: number
  /** Zoom rejects the request without both dates. */
  required: boolean
  /**
   * Each row totals the window asked for (a host's meetings in it), so the same id in two windows
   * is two rows, not one row listed twice: each keeps the window's dates in its own `from` and `to`.
   * A range one request can ask (`maxDays`) is one window; a longer one is split into calendar
   * months (the first and last may be partial), which each stay within Zoom's "one month".
   */
  periodTotals?: true
}

export type ColumnFormat = 'text' | 'number' | 'datetime' | 'date' | 'bytes' | 'minutes' | 'seconds' | 'boolean' | 'url'

export interface ColumnSpec {
  /** Dotted path into a row, e.g. `site.name`. */
  path: string
  label: string
  format?: ColumnFormat
  /** Display names for coded values (user type 1 → "Basic"). */
  valueLabels?: Readonly<Record<string, string>>
}

/** Scopes any one of which lets a token call the endpoint (Zoom's OpenAPI `security` list). */
export interface AcceptedScopes {
  /** Classic scopes (`x-macro-scopes`). */
  classic: readonly string[]
  /** Granular scopes (`x-granular-scopes`). */
  granular: readonly string[]
}

interface ResourceBase {
  title: string
  description: string
  /** Path template relative to `/v2`, e.g. `/users/{userId}/meetings`. */
  path: string
  category: RateCategory
  family: RateFamily
  scopes: AcceptedScopes
  /** Query parameters the person may set (paging parameters are the client's business). */
  params: readonly ParamSpec[]
  /** Plan or add-on Zoom requires, shown beside the tab. */
  requires?: string
}

export interface ListResource extends ResourceBase {
  kind: 'list'
  id: ListResourceId | UntabbedListId
  /** The array in the response body holding the rows. */
  listKey: string
  /** Other keys Zoom has used for the same array (renamed fields), tried when `listKey` is absent. */
  altListKeys?: readonly string[]
  /** Fields identifying a row, tried in order; used to drop rows already seen when paging restarts. */
  idKeys: readonly string[]
  /** True when Zoom pages it with `next_page_token`. */
  paginated: boolean
  /** The largest `page_size` Zoom's OpenAPI declares. */
  maxPageSize?: number
  /** The path contains `{userId}`: a whole-account listing fans out over the users. */
  perUser: boolean
  /** Path parameters taken as these values when not given (rather than fanned out over a parent list). */
  pathDefaults?: Readonly<Record<string, string>>
  dateWindow?: DateWindowSpec
  defaultColumns: readonly ColumnSpec[]
}

export interface DetailResource extends ResourceBase {
  kind: 'detail'
  id: DetailResourceId
  /** The path parameter holding the object's id. */
  idParam: string
}

export type Resource = ListResource | DetailResource
