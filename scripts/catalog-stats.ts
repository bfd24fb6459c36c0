// npm run catalog:stats: one JSON line about the catalog built from Zoom's OpenAPI files
// (../shared/zoom-openapi): operations known, GET lists browsable (by path template through
// data.crawl), and lists whose sandbox answers validate — null until the sandbox generates
// answers for Zoom's files (it serves the hand-written endpoints only).
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { buildApiCatalog } from '../common/zoom/api/parse'
import { API_PRODUCT_NAMES } from '../common/zoom/api/products'

const dir = path.resolve(import.meta.dirname, '../../shared/zoom-openapi')
const missing = API_PRODUCT_NAMES.filter((p) => !existsSync(path.join(dir, `${p}.json`)))
if (missing.length > 0) {
  console.error(`Zoom's OpenAPI files are not in ${dir} (missing: ${missing.join(', ')})`)
  process.exit(1)
}
const catalog = buildApiCatalog(API_PRODUCT_NAMES.map((product) => ({ product, document: JSON.parse(readFileSync(path.join(dir, `${product}.json`), 'utf8')) as unknown })))
console.log(
  JSON.stringify({
    products: catalog.products.length,
    operations: catalog.operations.length,
    gets: catalog.gets.size,
    listsBrowsable: catalog.lists.length,
    paginatedLists: catalog.lists.filter((op) => op.pagination !== 'none').length,
    sandboxListsValidating: null,
  }),
)
