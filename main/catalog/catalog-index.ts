// The catalog's index (every operation's summary, what the console's completion and the Browse
// picker read) and its pre-parsed copy beside Zoom's files.
//
// Why a copy: reading and parsing the 31 files (20 MB of JSON) takes 400–550 ms on our machines,
// over the 300 ms a start may spend on it; the summaries alone are under 1 MB and parse in
// ~25 ms. The copy records each file's size and modification time, the app's build, and the
// index's format: any file rewritten (a fetch, a revalidation that brought a new file), a new
// build of the app, or a file gone makes it stale, and the files are parsed again. The whole of
// one operation (parameters, schemas) is read from its own product's file when asked.
import { stat } from 'node:fs/promises'
import path from 'node:path'
import type { CatalogIndex } from '../../common/contract/catalog'
import { HTTP_METHODS } from '../../common/contract/console'
import { summaryOf } from '../../common/zoom/api/summary'
import type { ApiCatalog } from '../../common/zoom/api/types'
import { PUBLIC_DOCUMENT_MAX_BYTES } from '../net/public-text'
import { ensureDirectory, isErrno, writeFileAtomic } from '../store/atomic-file'
import { readTextWithin } from '../store/read-capped'
import { isRecord } from '../../common/is-record'

/** Beside the copies of Zoom's files. */
export const CATALOG_INDEX_FILE = 'catalog-index.json'
/** Changes whenever what is stored changes shape, so an older copy is never read as a newer one. */
const INDEX_FORMAT = 2

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
    // The summaries of every operation are under 1 MB; a copy past the API files' own cap is planted.
    stored = JSON.parse(await readTextWithin(path.join(dir, CATALOG_INDEX_FILE), PUBLIC_DOCUMENT_MAX_BYTES)) as StoredIndex
  } catch {
    return undefined
  }
  if (stored?.format !== INDEX_FORMAT || stored.build !== build || typeof stored.fingerprints !== 'object' || stored.fingerprints === null || !isIndex(stored.index)) return undefined
  const now = await fingerprints(dir, products)
  const same = products.every((p) => now[p] !== undefined && stored.fingerprints[p] === now[p]) && Object.keys(stored.fingerprints).length === products.length
  return same ? stored.index : undefined
}

const isString = (value: unknown): value is string => typeof value === 'string'
const isStrings = (value: unknown): boolean => Array.isArray(value) && value.every(isString)
const METHODS = new Set<unknown>(HTTP_METHODS)

/** An operation summary as indexOf writes it: what the picker, completion and the console read without checking again. */
function isSummary(op: unknown): boolean {
  if (!isRecord(op) || !METHODS.has(op.method) || !isString(op.path) || !op.path.startsWith('/') || !isString(op.product) || !isString(op.operationId) || !isString(op.summary)) return false
  if (typeof op.deprecated !== 'boolean' || !isString(op.pagination) || !isString(op.docsUrl) || !isRecord(op.scopes) || !isStrings(op.scopes.classic) || !isStrings(op.scopes.granular)) return false
  return [op.listKey, op.rateLabel, op.rateCategory].every((optional) => optional === undefined || isString(optional))
}

/**
 * The file is ours, but anything in the data folder may have been damaged or planted: it is
 * served to the page and read by the console only when every part is the shape indexOf writes.
 */
function isIndex(index: unknown): index is CatalogIndex {
  if (!isRecord(index) || (index.state !== 'ready' && index.state !== 'unavailable') || !isStrings(index.missingProducts)) return false
  if (!Array.isArray(index.products) || !index.products.every((p) => isRecord(p) && isString(p.name) && isString(p.domain) && isString(p.title))) return false
  return Array.isArray(index.operations) && index.operations.every(isSummary)
}

/** Stores the index of the copies now on disk (called right after they were read into `index`). */
export async function writeStoredIndex(dir: string, products: readonly string[], build: string, index: CatalogIndex): Promise<void> {
  await ensureDirectory(dir)
  const stored: StoredIndex = { format: INDEX_FORMAT, build, fingerprints: await fingerprints(dir, products), index }
  await writeFileAtomic(path.join(dir, CATALOG_INDEX_FILE), JSON.stringify(stored))
}
