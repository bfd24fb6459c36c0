// Everything a crawl needs to know about one GET list, from Zoom's OpenAPI files (the catalog),
// with our own notes on top where we have them (labels, default columns, value labels, date-window
// rules, "all statuses"). Before Zoom's files have been fetched, the built-in lists alone answer.
import type { AcceptedScopes, ColumnSpec, DateWindowSpec, ListResource } from '../catalog-types'
import { monthWindowOf } from '../api/month-window'
import { objectProperties } from '../api/parse'
import type { ApiCatalog, ApiOperation, JsonSchema, PaginationStyle } from '../api/types'
import { pathParamNames } from '../paths'
import type { RateCategory, RateFamily } from '../rate-limits'
import { curatedList } from './names'

export interface ListSpec {
  /** The GET path template, the list's name: `/phone/call_queues/{callQueueId}/members`. */
  path: string
  title: string
  product?: string
  listKey: string
  altListKeys?: readonly string[]
  /** Row identity inside one listing (restarts after an expired page token drop rows already seen). */
  idKeys: readonly string[]
  pagination: PaginationStyle
  /** page_number paging under another name (Commerce's `page_num`). */
  pageNumberParam?: string
  maxPageSize?: number
  family: RateFamily
  /** The rate-limit category read from the label; undefined when Zoom's file gives none. */
  category?: RateCategory
  rateLabel?: string
  scopes: AcceptedScopes
  pathParams: readonly string[]
  /** The item's properties as Zoom's file describes them; undefined for a built-in list before the files are read. */
  itemProperties?: Readonly<Record<string, JsonSchema>>
  defaultColumns: readonly ColumnSpec[]
  dateWindow?: DateWindowSpec
  /** Our notes on it, for the built-in tabs (their parameters with labels and "all" choices). */
  curated?: ListResource
  /** Zoom's description of it, once the files are read. */
  operation?: ApiOperation
}

/** The properties of a list's item, from the answer's schema. */
export function itemPropertiesOf(operation: ApiOperation): Record<string, JsonSchema> | undefined {
  if (!operation.listKey) return undefined
  const array = objectProperties(operation.responseSchema)[operation.listKey]
  const items = array && typeof array === 'object' ? (array as { items?: unknown }).items : undefined
  return items === undefined ? undefined : objectProperties(items)
}

/**
 * A built-in list: our labels, columns, parameters and date windows; its page size, rate-limit
 * category and scopes from Zoom's file once read (our copies of them, checked against the files by
 * a test, serve until then).
 */
function fromCurated(resource: ListResource, operation: ApiOperation | undefined): ListSpec {
  const items = operation && itemPropertiesOf(operation)
  const maxPageSize = operation?.maxPageSize ?? resource.maxPageSize
  return {
    path: resource.path,
    title: resource.title,
    ...(operation ? { product: operation.product, operation } : {}),
    listKey: resource.listKey,
    ...(resource.altListKeys ? { altListKeys: resource.altListKeys } : {}),
    idKeys: resource.idKeys,
    pagination: resource.paginated ? 'next_page_token' : 'none',
    ...(maxPageSize !== undefined ? { maxPageSize } : {}),
    family: resource.family,
    category: operation?.rateCategory ?? resource.category,
    ...(operation?.rateLabel ? { rateLabel: operation.rateLabel } : {}),
    scopes: operation && operation.scopes.classic.length + operation.scopes.granular.length > 0 ? operation.scopes : resource.scopes,
    pathParams: pathParamNames(resource.path),
    ...(items ? { itemProperties: items } : {}),
    defaultColumns: resource.defaultColumns,
    ...(resource.dateWindow ? { dateWindow: resource.dateWindow } : {}),
    curated: resource,
  }
}

function fromOperation(operation: ApiOperation & { listKey: string }): ListSpec {
  const items = itemPropertiesOf(operation)
  const dateWindow = monthWindowOf(operation)
  return {
    path: operation.path,
    title: operation.summary || operation.path,
    product: operation.product,
    listKey: operation.listKey,
    // `id` where the item has one; otherwise the whole row is its identity.
    idKeys: items && 'id' in items ? ['id'] : [],
    pagination: operation.pagination,
    ...(operation.pageNumberParam ? { pageNumberParam: operation.pageNumberParam } : {}),
    ...(operation.maxPageSize !== undefined ? { maxPageSize: operation.maxPageSize } : {}),
    family: operation.family,
    ...(operation.rateCategory ? { category: operation.rateCategory } : {}),
    ...(operation.rateLabel ? { rateLabel: operation.rateLabel } : {}),
    scopes: operation.scopes,
    pathParams: pathParamNames(operation.path),
    ...(items ? { itemProperties: items } : {}),
    defaultColumns: [],
    ...(dateWindow ? { dateWindow } : {}),
    operation,
  }
}

/**
 * The list named `path`: a built-in one (our notes, Zoom's file beside it when read), or any GET
 * list of Zoom's files. Undefined when neither knows it.
 */
export function listSpecFor(path: string, catalog: Pick<ApiCatalog, 'gets'> | undefined): ListSpec | undefined {
  const operation = catalog?.gets.get(path)
  const curated = curatedList(path)
  if (curated) return fromCurated(curated, operation)
  if (operation?.listKey === undefined) return undefined
  return fromOperation(operation as ApiOperation & { listKey: string })
}
