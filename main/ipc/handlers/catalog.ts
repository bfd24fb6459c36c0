import { AppError } from '../../../common/errors'
import type { ApiCatalogService } from '../../catalog'
import type { HandlersFor } from '../types'

/** catalog.* channels: Zoom's whole API as read from its OpenAPI files. */
export function createCatalogHandlers(service: ApiCatalogService): HandlersFor<'catalog'> {
  return {
    'catalog.index': () => service.index(),
    'catalog.operation': async ({ method, path }) => {
      const operation = await service.operation(method, path)
      if (!operation) throw new AppError('NOT_FOUND', `Zoom's API files do not describe ${method} ${path}.`)
      return operation
    },
  }
}
