// npm run catalog:stats: one JSON line of figures about the catalog built from Zoom's OpenAPI
// files (../shared/zoom-openapi): operations known, GET lists browsable (lists data.crawl accepts
// by path template and can crawl as they are, fanning out over parent lists where a path
// parameter needs it: common/zoom/browse/fan-out.ts), and lists whose sandbox answers validate
// against their response schema (a sandbox is started and each list asked once). A new figure is
// one more entry in FIGURES.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { buildApiCatalog } from '../common/zoom/api/parse'
import { API_PRODUCT_NAMES } from '../common/zoom/api/products'
import type { ApiCatalog } from '../common/zoom/api/types'
import { browsableLists } from '../common/zoom/browse/fan-out'
import { HAND_WRITTEN_GETS } from '../test/sandbox/api/dispatch'
import { countValidatingLists } from '../test/sandbox/generic-sweep'

const dir = path.resolve(import.meta.dirname, '../../shared/zoom-openapi')
const missing = API_PRODUCT_NAMES.filter((p) => !existsSync(path.join(dir, `${p}.json`)))
if (missing.length > 0) {
  console.error(`Zoom's OpenAPI files are not in ${dir} (missing: ${missing.join(', ')})`)
  process.exit(1)
}
const catalog = buildApiCatalog(API_PRODUCT_NAMES.map((product) => ({ product, document: JSON.parse(readFileSync(path.join(dir, `${product}.json`), 'utf8')) as unknown })))

/** Each figure of the line, in order: its name and how it is worked out. */
const FIGURES: [string, (catalog: ApiCatalog) => unknown][] = [
  ['products', (c) => c.products.length],
  ['operations', (c) => c.operations.length],
  ['gets', (c) => c.gets.size],
  ['listsBrowsable', (c) => browsableLists(c).length],
  ['paginatedLists', (c) => c.lists.filter((op) => op.pagination !== 'none').length],
  ['sandboxListsValidating', async (c) => (await countValidatingLists(c, HAND_WRITTEN_GETS)).validating],
]

const line: Record<string, unknown> = {}
for (const [name, figure] of FIGURES) line[name] = await figure(catalog)
console.log(JSON.stringify(line))
