import type { CatalogIndex, CatalogOperationSummary } from '../../../common/contract'
import { AppError } from '../../../common/errors'
import type { ApiCatalog, ApiOperation } from '../../../common/zoom/api/types'
import type { ApiCatalogService } from '../../catalog'
import type { HandlersFor } from '../types'

/** catalog.* channels: Zoom's whole API as read from its OpenAPI files. */
export function createCatalogHandlers(service: ApiCatalogService): HandlersFor<'catalog'> {
  // The index and the lookup table are derived once per built catalog (it is built once per run).
  const indexes = new WeakMap<ApiCatalog, CatalogIndex>()
  const byKey = new WeakMap<ApiCatalog, Map<string, ApiOperation>>()
  return {
    'catalog.index': async () => {
      const catalog = await service.catalog()
      let index = indexes.get(catalog)
      if (!index) {
        index = indexOf(catalog, service.products)
        indexes.set(catalog, index)
      }
      return index
    },
    'catalog.operation': async ({ method, path }) => {
      const catalog = await service.catalog()
      let table = byKey.get(catalog)
      if (!table) {
        table = new Map(catalog.operations.map((op) => [operationKey(op.method, op.path), op]))
        byKey.set(catalog, table)
      }
      const operation = table.get(operationKey(method, path))
      if (!operation) throw new AppError('NOT_FOUND', `Zoom's API files do not describe ${method} ${path}.`)
      return operation
    },
  }
}

const operationKey = (method: string, path: string) => `${method} ${path}`

function indexOf(catalog: ApiCatalog, wanted: readonly string[]): CatalogIndex {
  const present = new Set(catalog.products.map((product) => product.name))
  return {
    state: catalog.operations.length > 0 ? 'ready' : 'unavailable',
    products: [...catalog.products],
    operations: catalog.operations.map(summaryOf),
    missingProducts: wanted.filter((name) => !present.has(name)),
  }
}

function summaryOf(op: ApiOperation): CatalogOperationSummary {
  const { method, path, product, operationId, summary, deprecated, pagination, listKey, rateLabel, rateCategory, scopes, docsUrl } = op
  return {
    method,
    path,
    product,
    operationId,
    summary,
    deprecated,
    pagination,
    scopes,
    docsUrl,
    ...(listKey !== undefined ? { listKey } : {}),
    ...(rateLabel !== undefined ? { rateLabel } : {}),
    ...(rateCategory !== undefined ? { rateCategory } : {}),
  }
}
