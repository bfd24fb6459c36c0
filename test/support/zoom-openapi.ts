// Zoom's published OpenAPI files, read from ../shared/zoom-openapi next to the repository (they
// are Zoom's documentation and never committed). Tests needing them skip with this title when absent.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { API_PRODUCT_NAMES, type ApiProductName } from '../../common/zoom/api/products'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const ZOOM_OPENAPI_DIR = path.resolve(repoRoot, '../shared/zoom-openapi')
export const ZOOM_OPENAPI_AVAILABLE = API_PRODUCT_NAMES.every((name) => existsSync(path.join(ZOOM_OPENAPI_DIR, `${name}.json`)))

export function zoomOpenApiTitle(what: string): string {
  return ZOOM_OPENAPI_AVAILABLE ? what : `${what} — skipped: Zoom's OpenAPI files are not in ${ZOOM_OPENAPI_DIR}`
}

export function zoomOpenApiText(product: ApiProductName): string {
  return readFileSync(path.join(ZOOM_OPENAPI_DIR, `${product}.json`), 'utf8')
}

export function zoomOpenApiFiles(): { product: ApiProductName; document: unknown }[] {
  return API_PRODUCT_NAMES.map((product) => ({ product, document: JSON.parse(zoomOpenApiText(product)) as unknown }))
}
