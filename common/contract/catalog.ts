import { z } from 'zod'
import type { ApiOperation, ApiProduct } from '../zoom/api/types'
import { HTTP_METHODS } from './console'
import { channel, noInput } from './define'

/** What the picker and the console's completion need of an operation; the rest comes with `catalog.operation`. */
export type CatalogOperationSummary = Pick<
  ApiOperation,
  'method' | 'path' | 'product' | 'operationId' | 'summary' | 'deprecated' | 'pagination' | 'listKey' | 'rateLabel' | 'rateCategory' | 'scopes' | 'docsUrl'
> & {
  /** A list that answers only when given a query parameter (a report's dates): no fan-out can go over its rows. */
  needsQuery?: true
}

export interface CatalogIndex {
  /**
   * 'ready': built from Zoom's OpenAPI files (products none of which could be had are in
   * `missingProducts`); 'unavailable': no file could be had yet, only the built-in resources work.
   */
  state: 'ready' | 'unavailable'
  products: ApiProduct[]
  operations: CatalogOperationSummary[]
  missingProducts: string[]
}

export const catalogOperationInputSchema = z
  .object({
    method: z.enum(HTTP_METHODS),
    /** The path template exactly as Zoom's file writes it: `/users/{userId}/recordings`. */
    path: z.string().min(1).max(512),
  })
  .strict()

export const catalogChannels = {
  /** Builds the catalog when first asked (fetching Zoom's files, or reading the last copies). */
  'catalog.index': channel<CatalogIndex>()(noInput),
  /** One operation whole: parameters, request and response schemas, example. */
  'catalog.operation': channel<ApiOperation>()(catalogOperationInputSchema),
}
