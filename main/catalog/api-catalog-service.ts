// Zoom's whole API as a catalog, built from Zoom's OpenAPI files when first needed. Each file is
// kept in the data folder; a copy younger than a week is used as it is, an older one is checked
// with Zoom (If-None-Match / If-Modified-Since), and when Zoom cannot be reached the last copy is
// used whatever its age. A product never fetched and unreachable is simply missing: the built-in
// catalog of hand-written resources does not depend on this one.
//
// Parsing all 31 files takes longer than a start may spend, so `index()` (every operation's
// summary), `operation()` (one whole) and `catalogFor()` (the GETs a crawl is planned with) read
// a pre-parsed index kept beside the copies when it still matches them (catalog-index.ts), and
// then only the products' files that describe the paths asked about; `catalog()` still builds
// everything, for whoever needs every schema at once.
import type { CatalogIndex } from '../../common/contract/catalog'
import { assembleApiCatalog, parseApiFile } from '../../common/zoom/api/parse'
import { API_PRODUCT_NAMES, type ApiProductName } from '../../common/zoom/api/products'
import type { ApiCatalog, ApiMethod, ApiOperation } from '../../common/zoom/api/types'
import type { Logger } from '../log/logger'
import type { Clock } from '../ports'
import { indexOf, readStoredIndex, writeStoredIndex } from './catalog-index'
import { ApiFileCache } from './file-cache'
import type { ApiFileSource, ApiFileValidators } from './ports'

/** The copies' folder inside the app's data folder. */
export const API_FILES_FOLDER = 'api-files'

export const API_FILE_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000
/** Files fetched at once: 31 files of up to a few MB each. */
const FETCH_CONCURRENCY = 4

export interface ApiCatalogServiceOptions {
  /** The folder the copies live in (inside the app's data folder). */
  dir: string
  source: ApiFileSource
  clock: Clock
  log: Logger
  products?: readonly ApiProductName[]
  maxAgeMs?: number
  /**
   * This build of the app (its version): the pre-parsed index beside the copies is only trusted
   * when the same build wrote it, since another build may read Zoom's files differently.
   */
  build?: string
}

export class ApiCatalogService {
  private readonly cache: ApiFileCache
  private loading: Promise<ApiCatalog> | undefined
  private current: ApiCatalog | undefined
  private indexLoading: Promise<CatalogIndex> | undefined
  private readIndex: CatalogIndex | undefined
  private readonly indexes = new WeakMap<ApiCatalog, CatalogIndex>()
  private readonly byKey = new WeakMap<ApiCatalog, Map<string, ApiOperation>>()
  /** Products read whole since the index was taken from its pre-parsed copy (for `operation` and `catalogFor`). */
  private readonly productFiles = new Map<string, Promise<ParsedFile | undefined>>()

  constructor(private readonly options: ApiCatalogServiceOptions) {
    this.cache = new ApiFileCache(options.dir)
  }

  /** The products this catalog is built from (all of Zoom's by default). */
  get products(): readonly ApiProductName[] {
    return this.options.products ?? API_PRODUCT_NAMES
  }

  /** The catalog once built (undefined before the first `catalog()` has finished). */
  get loaded(): ApiCatalog | undefined {
    return this.current
  }

  /** Builds the catalog once per run; a failed build is tried again on the next call. */
  catalog(): Promise<ApiCatalog> {
    this.loading ??= this.build().then(
      (catalog) => (this.current = catalog),
      (error: unknown) => {
        this.loading = undefined
        throw error
      },
    )
    return this.loading
  }

  /**
   * Every operation's summary. From the pre-parsed copy when it matches the copies on disk and
   * none of them is due for a check with Zoom; otherwise the catalog is built (fetching or
   * revalidating as `catalog()` does) and the copy written again.
   */
  index(): Promise<CatalogIndex> {
    if (this.current) return Promise.resolve(this.indexOfCatalog(this.current))
    this.indexLoading ??= this.loadIndex().then(
      (index) => (this.readIndex = index),
      (error: unknown) => {
        this.indexLoading = undefined
        throw error
      },
    )
    return this.indexLoading
  }

  /** The index if it has been read already (never starts reading or fetching Zoom's files). */
  get loadedIndex(): CatalogIndex | undefined {
    return this.current ? this.indexOfCatalog(this.current) : this.readIndex
  }

  /** One operation whole, or undefined when Zoom's files do not describe it. */
  async operation(method: ApiMethod, path: string): Promise<ApiOperation | undefined> {
    if (!this.current) {
      const index = await this.index()
      const summary = index.operations.find((op) => op.method === method && op.path === path)
      if (!this.current) {
        if (!summary) return undefined
        const found = (await this.productFile(summary.product))?.operations.find((op) => op.method === method && op.path === path)
        if (found) return found
      }
    }
    const catalog = this.current ?? (await this.catalog())
    let table = this.byKey.get(catalog)
    if (!table) {
      table = new Map(catalog.operations.map((op) => [operationKey(op.method, op.path), op]))
      this.byKey.set(catalog, table)
    }
    return table.get(operationKey(method, path))
  }

  /**
   * A catalog of the products whose files describe GET `paths` (a list and the parents a crawl of
   * it may fan out over), read from those files alone once the index is known: the whole catalog
   * when it is built already, or when the index had to be built from every file anyway. Paths no
   * file describes are simply not in it.
   */
  async catalogFor(paths: readonly string[]): Promise<ApiCatalog> {
    if (this.current) return this.current
    const index = await this.index()
    if (this.current) return this.current
    const wanted = new Set(paths)
    const products = this.products.filter((product) => index.operations.some((op) => op.product === product && op.method === 'GET' && wanted.has(op.path)))
    const files = await Promise.all(products.map((product) => this.productFile(product)))
    // A copy gone since the index was read: the full build fetches it again.
    if (files.some((file) => file === undefined)) return this.catalog()
    return assembleApiCatalog(files as ParsedFile[])
  }

  private indexOfCatalog(catalog: ApiCatalog): CatalogIndex {
    let index = this.indexes.get(catalog)
    if (!index) {
      index = indexOf(catalog, this.products)
      this.indexes.set(catalog, index)
    }
    return index
  }

  private async loadIndex(): Promise<CatalogIndex> {
    const stored = (await this.allFresh()) ? await readStoredIndex(this.options.dir, this.products, this.buildId) : undefined
    if (stored) return stored
    const catalog = await this.catalog()
    return this.indexOfCatalog(catalog)
  }

  private get buildId(): string {
    return this.options.build ?? 'unversioned'
  }

  /** Whether every product has a copy checked with Zoom less than `maxAgeMs` ago. */
  private async allFresh(): Promise<boolean> {
    const maxAge = this.options.maxAgeMs ?? API_FILE_MAX_AGE_MS
    const now = this.options.clock.now()
    const metas = await Promise.all(this.products.map((p) => this.cache.readMeta(p).catch(() => undefined)))
    return metas.every((meta) => meta !== undefined && now - meta.checkedAt < maxAge)
  }

  /** One product's file read from its copy; undefined when the copy is gone or unreadable. */
  private productFile(product: string): Promise<ParsedFile | undefined> {
    let loading = this.productFiles.get(product)
    if (!loading) {
      loading = this.cache
        .read(product as ApiProductName)
        .then((cached) => (cached ? usable(product as ApiProductName, cached.text) : undefined))
        .catch(() => undefined)
      this.productFiles.set(product, loading)
    }
    return loading
  }

  private async build(): Promise<ApiCatalog> {
    const products = [...this.products]
    const documents = new Map<ApiProductName, ParsedFile>()
    const queue = [...products]
    await Promise.all(
      Array.from({ length: Math.min(FETCH_CONCURRENCY, queue.length) }, async () => {
        for (let product = queue.shift(); product !== undefined; product = queue.shift()) {
          const document = await this.document(product)
          if (document !== undefined) documents.set(product, document)
        }
      }),
    )
    // In the products' order, so the catalog does not depend on which download finished first.
    const catalog = assembleApiCatalog(this.withoutRepeatedGets(products.flatMap((p) => documents.get(p) ?? [])))
    if (documents.size === products.length) {
      // The next start reads this instead of parsing every file again; failing to write it only costs time.
      await writeStoredIndex(this.options.dir, products, this.buildId, this.indexOfCatalog(catalog)).catch((error: unknown) =>
        this.options.log.warn('catalog index not stored', { error: error instanceof Error ? error.message : String(error) }),
      )
    }
    return catalog
  }

  /**
   * A GET path names one list (data.crawl takes it as the list's name), so it may be in one file
   * only. Should a file (a new one of Zoom's, or a damaged copy) repeat a path of an earlier
   * product, the repetition alone is left out, not the whole catalog.
   */
  private withoutRepeatedGets(files: ParsedFile[]): ParsedFile[] {
    const owner = new Map<string, string>()
    return files.map((file) => {
      const operations = file.operations.filter((op) => {
        if (op.method !== 'GET') return true
        const first = owner.get(op.path)
        if (first === undefined) {
          owner.set(op.path, op.product)
          return true
        }
        this.options.log.warn('a GET path is in two of Zoom’s files; the later one is left out', { path: op.path, kept: first, left: op.product })
        return false
      })
      return operations.length === file.operations.length ? file : { ...file, operations }
    })
  }

  /** One product's parsed file: the fresh copy, the last one, or none. */
  private async document(product: ApiProductName): Promise<ParsedFile | undefined> {
    const { clock, log, source } = this.options
    const maxAge = this.options.maxAgeMs ?? API_FILE_MAX_AGE_MS
    const cached = await this.cache.read(product).catch((error: unknown) => {
      log.warn('api file copy unreadable', { product, error: String(error) })
      return undefined
    })
    const cachedDocument = cached && usable(product, cached.text)
    if (cached && cachedDocument !== undefined && clock.now() - cached.meta.checkedAt < maxAge) return cachedDocument
    try {
      const validators: ApiFileValidators = cached && cachedDocument !== undefined ? cached.meta : {}
      const answer = await source.fetch(product, { ...(validators.etag ? { etag: validators.etag } : {}), ...(validators.lastModified ? { lastModified: validators.lastModified } : {}) })
      if (answer.kind === 'unchanged' && cached && cachedDocument !== undefined) {
        await this.cache.write(product, undefined, { ...cached.meta, checkedAt: clock.now() })
        return cachedDocument
      }
      if (answer.kind === 'fresh') {
        const document = usable(product, answer.text)
        if (document === undefined) throw new Error('the file Zoom served is not an OpenAPI document')
        await this.cache.write(product, answer.text, { checkedAt: clock.now(), ...(answer.etag ? { etag: answer.etag } : {}), ...(answer.lastModified ? { lastModified: answer.lastModified } : {}) })
        return document
      }
      throw new Error('Zoom said the file is unchanged, but there is no copy')
    } catch (error) {
      log.warn('api file not refreshed; using the last copy if any', { product, hasCopy: cachedDocument !== undefined, error: error instanceof Error ? error.message : String(error) })
      return cachedDocument
    }
  }
}

type ParsedFile = ReturnType<typeof parseApiFile>

const operationKey = (method: string, path: string) => `${method} ${path}`

/** The file's operations when `text` is an OpenAPI file this catalog can read. */
function usable(product: ApiProductName, text: string): ParsedFile | undefined {
  try {
    return parseApiFile(product, JSON.parse(text) as unknown)
  } catch {
    return undefined
  }
}
