// The catalog's index (every operation's summary, what the console's completion and the Browse
// picker read) and its pre-parsed copy beside Zoom's files.
//
// Why a copy: reading and parsing the 31 files (20 MB of JSON) takes 400–550 ms on our machines,
// over the 300 ms a start may spend on it; the summaries alone are under 1 MB and parse in
// ~25 ms. The copy records each file's size and modification time, the app's build, and the
// index's format: any file rewritten (a fetch, a revalidation that brought a new file), a new
// build of the app, or a file gone makes it stale, and the files are parsed again. The whole of
// one operation (parameters, schemas) is read from its own product's file when asked.
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import type { CatalogIndex } from '../../common/contract/catalog'
import { summaryOf } from '../../common/zoom/api/summary'
import type { ApiCatalog } from '../../common/zoom/api/types'
import { ensureDirectory, isErrno, writeFileAtomic } from '../store/atomic-file'

/** Beside the copies of Zoom's files. */
export const CATALOG_INDEX_FILE = 'catalog-index.json'
/** Changes whenever what is stored changes shape, so an older copy is never read as a newer one. */
const INDEX_FORMAT = 1

export function indexOf(catalog: ApiCatalog, wanted: readonly string[]): CatalogIndex {
  const present = new Set(catalog.products.map((product) => product.name))
  return {
    state: catalog.operations.length > 0 ? 'ready' : 'unavailable',
    products: [...catalog.products],
    operations: catalog.operations.map(summaryOf),
    missingProducts: wanted.filter((name) => !present.has(name)),
  }
}

/** What identifies the copy of one product's file on disk: its size and modification time. */
async function fingerprint(dir: string, product: string): Promise<string | undefined> {
  try {
    const info = await stat(path.join(dir, `${product}.json`))
    return `${info.size}:${info.mtimeMs}`
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return undefined
    throw error
  }
}

async function fingerprints(dir: string, products: readonly string[]): Promise<Record<string, string | undefined>> {
  const values = await Promise.all(products.map((p) => fingerprint(dir, p)))
  return Object.fromEntries(products.map((p, i) => [p, values[i]]))
}

interface StoredIndex {
  format: number
  build: string
  fingerprints: Record<string, string | undefined>
  index: CatalogIndex
}

/**
 * The stored index when it was made from exactly the copies now on disk by this build of the app,
 * for these products; undefined otherwise (missing, stale, unreadable).
 */
export async function readStoredIndex(dir: string, products: readonly string[], build: string): Promise<CatalogIndex | undefined> {
  let stored: StoredIndex
  try {
    stored = JSON.parse(await readFile(path.join(dir, CATALOG_INDEX_FILE), 'utf8')) as StoredIndex
  } catch {
    return undefined
  }
  if (stored?.format !== INDEX_FORMAT || stored.build !== build || typeof stored.fingerprints !== 'object' || !Array.isArray(stored.index?.operations)) return undefined
  const now = await fingerprints(dir, products)
  const same = products.every((p) => now[p] !== undefined && stored.fingerprints[p] === now[p]) && Object.keys(stored.fingerprints).length === products.length
  return same ? stored.index : undefined
}

/** Stores the index of the copies now on disk (called right after they were read into `index`). */
export async function writeStoredIndex(dir: string, products: readonly string[], build: string, index: CatalogIndex): Promise<void> {
  await ensureDirectory(dir)
  const stored: StoredIndex = { format: INDEX_FORMAT, build, fingerprints: await fingerprints(dir, products), index }
  await writeFileAtomic(path.join(dir, CATALOG_INDEX_FILE), JSON.stringify(stored))
}
