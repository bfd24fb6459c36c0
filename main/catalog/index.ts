// Zoom's whole API, from Zoom's OpenAPI files (see api-catalog-service.ts).
export { ApiCatalogService, API_FILE_MAX_AGE_MS, API_FILES_FOLDER, type ApiCatalogServiceOptions } from './api-catalog-service'
export { createHttpApiFileSource, type HttpApiFileOptions } from './http-api-files'
export type { ApiFileAnswer, ApiFileSource, ApiFileValidators } from './ports'
