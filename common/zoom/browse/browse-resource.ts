// What the Browse screen shows for one list: the built-in tabs as we wrote them, any other GET
// list from Zoom's description of it (its query parameters as form fields, its path parameters as
// "one value, or leave empty for every row of the parent list"), named by path template.
import type { ApiOperation, ApiParam } from '../api/types'
import { pagingParamsOf } from '../api/list-params'
import { monthWindowOf } from '../api/month-window'
import { plainText } from '../api/plain-text'
import type { ListResource, ParamSpec } from '../catalog-types'
import { schemaColumns, SCHEMA_DEFAULT_COLUMNS } from './columns'
import { isPerUserList, parentListOf } from './fan-out'
import { itemPropertiesOf } from './list-spec'
import { LIST_RESOURCES } from '../catalog'
import { LIST_RESOURCE_IDS } from '../resource-ids'
import { CURATED_LISTS } from './names'

export interface BrowseResource extends Omit<ListResource, 'id'> {
  /** The path template. */
  id: string
  /** Zoom's product (file) it is in, when known. */
  product?: string
  /** The rate-limit label as Zoom writes it ("Medium"), when known. */
  rateLabel?: string
  /** Path parameters the person may type; left empty, the crawl goes over every row of `parent`. */
  pathParams: { name: string; parent?: string }[]
}

/** The built-in tabs (quick picks), by path template, in tab order. */
export const QUICK_PICKS: readonly BrowseResource[] = LIST_RESOURCE_IDS.map((id) => ({ ...LIST_RESOURCES[id], id: LIST_RESOURCES[id].path, pathParams: [] }))

function paramSpec(param: ApiParam): ParamSpec {
  const schema = param.schema
  const label = param.name
  const help = param.description ? plainText(param.description).slice(0, 240) : undefined
  const base = { name: param.name, label, ...(param.required ? { required: true } : {}), ...(help ? { help } : {}), ...(param.default !== undefined && ['string', 'number', 'boolean'].includes(typeof param.default) ? { default: param.default as string | number | boolean } : {}) }
  if (param.enum && param.enum.length > 0) return { ...base, type: 'enum', values: param.enum.map(String) }
  if (param.type === 'boolean') return { ...base, type: 'boolean' }
  if (param.type === 'integer') return { ...base, type: 'integer', ...(typeof schema.minimum === 'number' ? { min: schema.minimum } : {}), ...(typeof schema.maximum === 'number' ? { max: schema.maximum } : {}) }
  if (schema.format === 'date') return { ...base, type: 'date' }
  return { ...base, type: 'string' }
}

/**
 * The Browse view of a list: a built-in tab, or one made from Zoom's description. `hasList`
 * says whether a path is a GET list (for the "leave empty for every …" choice).
 */
export function browseResourceOf(operation: ApiOperation, hasList: (path: string) => boolean): BrowseResource {
  const curated = CURATED_LISTS.get(operation.path)
  if (curated) return { ...curated, id: curated.path, product: operation.product, ...(operation.rateLabel ? { rateLabel: operation.rateLabel } : {}), pathParams: [] }
  const perUser = isPerUserList(operation.path, hasList)
  const dateWindow = monthWindowOf(operation)
  const pathParams = operation.params
    .filter((p) => p.in === 'path' && !(perUser && p.name === 'userId'))
    .map((p) => {
      const parent = parentListOf(operation.path, p.name, hasList)
      return { name: p.name, ...(parent !== '' ? { parent } : {}) }
    })
  return {
    kind: 'list',
    id: operation.path,
    title: operation.summary || operation.path,
    description: `${operation.method} ${operation.path}`,
    path: operation.path,
    product: operation.product,
    ...(operation.rateLabel ? { rateLabel: operation.rateLabel } : {}),
    category: operation.rateCategory ?? 'light',
    family: operation.family,
    scopes: operation.scopes,
    params: operation.params.filter((p) => p.in === 'query' && !pagingParamsOf(operation).has(p.name)).map(paramSpec),
    listKey: operation.listKey ?? '',
    idKeys: [],
    paginated: operation.pagination !== 'none',
    ...(operation.maxPageSize !== undefined ? { maxPageSize: operation.maxPageSize } : {}),
    perUser,
    ...(dateWindow ? { dateWindow } : {}),
    defaultColumns: schemaColumns(itemPropertiesOf(operation)).slice(0, SCHEMA_DEFAULT_COLUMNS),
    pathParams,
  }
}
