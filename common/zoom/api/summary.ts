// What the catalog's index says of one operation: enough for completion and the Browse picker;
// parameters and schemas come with the operation itself when it is picked.
import type { CatalogOperationSummary } from '../../contract/catalog'
import { needsQueryToAnswer } from './list-params'
import type { ApiOperation } from './types'

export function summaryOf(op: ApiOperation): CatalogOperationSummary {
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
    ...(listKey !== undefined && needsQueryToAnswer(op) ? { needsQuery: true as const } : {}),
  }
}
