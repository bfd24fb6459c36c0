// A crawled list: its rows live in a SQLite file that the dataset worker holds (store/), so its
// size is bounded by disk, not main's heap, and main only ever awaits the worker's answers.
// Main keeps what is small and asked for synchronously: the row count, what the crawl could not
// load, the hosts' e-mails, and the crawl's input (for Refresh of a kept dataset).
//
// The crawl's interface is `add(page)` per page (a promise, resolved once the page is stored:
// awaiting it is the crawl's backpressure), `markLoading()`, `setCompleteness(missing)`,
// `seal()`/`unseal()`, `rowCount` and `hostEmails`.
import type { DatasetInfo, KeptView, RowsWindow } from '../../../common/contract/data'
import { AppError } from '../../../common/errors'
import type { ListResource } from '../../../common/zoom/catalog'
import type { PageBytes } from '../../zoom/list-page'
import type { ValueLabels } from './cells'
import type { RowContext } from './row-context'
import { DatasetEngine } from './store/dataset-engine'
import type { DatasetFiles } from './store/dataset-files'
import { processDatasetFiles } from './store/dataset-files'
import type { DatasetMeta, ExportInput, ExportRowsWritten, StoredResource } from './store/protocol'
import { storedRows } from './store/row-key'
import type { ViewSpec } from './view'
import { viewKey } from './view-key'

const FALLBACK_COLUMN_COUNT = 12
const ITERATE_BATCH = 2000

/**
 * A view that owns its whole buffer, so moving the buffer moves nothing else: a small answer's
 * bytes can be a slice of Node's shared pool, which is copied out first.
 */
function movable<T extends Uint8Array | Uint32Array>(view: T): { view: T; buffer: ArrayBuffer } {
  if (view.buffer instanceof ArrayBuffer && view.byteOffset === 0 && view.byteLength === view.buffer.byteLength) return { view, buffer: view.buffer }
  // A copy (Buffer's own slice would share the pool).
  const copy = view instanceof Uint32Array ? new Uint32Array(view) : new Uint8Array(view)
  return { view: copy as T, buffer: copy.buffer }
}

export interface WindowRequest {
  offset: number
  limit: number
  columns?: string[]
  sort?: ViewSpec['sort']
  filter?: ViewSpec['filter']
}

/** What a dataset needs of the thing it lists: a crawl's catalog resource, or the live events of a connection. */
export type DatasetResource = Pick<ListResource, 'idKeys' | 'defaultColumns'> & { id: string }

/** A materialised view: its length when made (a dataset that grew has a new one). */
export interface ViewHandle {
  readonly key: string
  readonly length: number
  readonly spec: ViewSpec
}

/** Where datasets are stored and who runs their queries; one per app (tests: one per process). */
export interface DatasetBackend {
  engine: DatasetEngine
  files: DatasetFiles
}

let processBackend: DatasetBackend | undefined
/** The backend of datasets made without one (tests, benchmarks): a worker and a temporary folder of this process. */
export function defaultBackend(): DatasetBackend {
  processBackend ??= { engine: new DatasetEngine(), files: processDatasetFiles() }
  return processBackend
}

export interface DatasetOptions {
  backend?: DatasetBackend
  /** Open a kept dataset's file instead of making a new one. */
  kept?: { path: string; meta: DatasetMeta; rows: number }
}

export class Dataset<R extends DatasetResource = ListResource> {
  /** Host id → email, learned from the users list of a fan-out (recordings lack host_email). */
  readonly hostEmails = new Map<string, string>()
  /** The crawl's input, for Refresh once kept. */
  crawl: DatasetMeta['crawl']
  /** When the person chose to keep it; undefined = a temporary dataset, deleted on close. */
  keptAt: number | undefined
  /** How its grid was shown when it was kept. */
  keptView: KeptView | undefined
  private stored = 0
  /** What the crawl could not load; `undefined` while it is still loading. */
  private missing: string[] | undefined = []
  private readonly backend: DatasetBackend
  private readonly opened: Promise<unknown>
  private readonly views = new Map<string, ViewHandle & { rows: number }>()
  private columnsCache: { rows: number; columns: Promise<string[]> } | undefined
  private closed = false
  /** Exports under way: a close stops them rather than wait for them to finish. */
  private readonly exports = new Set<AbortController>()

  constructor(
    readonly id: string,
    readonly profileId: string,
    readonly resource: R,
    readonly createdAt: number,
    options: DatasetOptions = {},
  ) {
    this.backend = options.backend ?? defaultBackend()
    const { files, engine } = this.backend
    if (options.kept) {
      const { meta } = options.kept
      this.stored = options.kept.rows
      this.missing = meta.missing ?? ['The list was still loading when it was kept.']
      this.keptAt = meta.keptAt
      this.keptView = meta.view
      this.crawl = meta.crawl
      for (const [id, email] of Object.entries(meta.hostEmails ?? {})) this.hostEmails.set(id, email)
      this.opened = engine.call(id, { op: 'open', path: options.kept.path, create: false, resource: storedResource(resource) })
    } else {
      this.opened = files.prepareOnce().then(() => engine.call(id, { op: 'open', path: files.temporary(id), create: true, resource: storedResource(resource) }))
    }
    // A failure to open shows in every later call (NOT_FOUND from the worker); none is left unhandled.
    this.opened.catch(() => undefined)
  }

  /** How many rows are stored (the rows themselves are in the database: read them with window, row or iterate). */
  get rowCount(): number {
    return this.stored
  }

  /** Stores the items not seen before (by the resource's id key) in one transaction; resolves with how many were new. */
  async add(items: readonly unknown[]): Promise<number> {
    await this.opened
    const page = storedRows(items, this.resource.idKeys)
    const { added, rows } = await this.backend.engine.call(this.id, { op: 'add', rows: page.json, keys: page.keys })
    this.stored = rows
    return added
  }

  /**
   * Stores a page handed over as Zoom's bytes, as `add` stores its rows: the worker parses it and
   * gives the rows their context, so main never builds them. The bytes are moved to the worker.
   */
  async addPage(page: PageBytes, context: RowContext): Promise<number> {
    await this.opened
    const data = movable(page.data)
    const bounds = movable(page.bounds)
    const { added, rows } = await this.backend.engine.call(this.id, { op: 'addPage', page: { ...page, data: data.view, bounds: bounds.view }, context }, { transfer: [data.buffer, bounds.buffer] })
    this.stored = rows
    return added
  }

  /** The crawl is over. (Rows stay deduplicated by the database's id index either way.) */
  seal(): void {}

  /** A crawl goes on (resume, retry): rows already here are not added again. */
  unseal(): void {
    this.missing = undefined
  }

  /** A crawl is filling the dataset: incomplete until it ends. */
  markLoading(): void {
    this.missing = undefined
  }

  /** The crawl ended: `missing` lists what it could not load (empty = complete). */
  setCompleteness(missing: readonly string[]): void {
    this.missing = [...missing]
    if (this.keptAt !== undefined) void this.saveMeta().catch(() => undefined)
  }

  /** `complete` once the crawl ended without losing anything; `missing` says what is lacking. */
  completeness(): { complete: boolean; missing?: string[] } {
    if (this.missing === undefined) return { complete: false, missing: ['The list is still loading.'] }
    return this.missing.length === 0 ? { complete: true } : { complete: false, missing: [...this.missing] }
  }

  async availableColumns(): Promise<string[]> {
    if (this.columnsCache?.rows !== this.stored) {
      const columns = this.opened.then(() => this.backend.engine.call(this.id, { op: 'columns' }))
      this.columnsCache = { rows: this.stored, columns }
      columns.catch(() => {
        if (this.columnsCache?.columns === columns) this.columnsCache = undefined
      })
    }
    return this.columnsCache.columns
  }

  async defaultColumns(): Promise<string[]> {
    if (this.resource.defaultColumns.length > 0) return this.resource.defaultColumns.map((column) => column.path)
    return (await this.availableColumns()).slice(0, FALLBACK_COLUMN_COUNT)
  }

  async info(): Promise<DatasetInfo> {
    const [availableColumns, defaultColumns] = await Promise.all([this.availableColumns(), this.defaultColumns()])
    return {
      datasetId: this.id,
      profileId: this.profileId,
      resource: this.resource.id,
      rows: this.stored,
      availableColumns,
      defaultColumns,
      createdAt: this.createdAt,
      ...this.completeness(),
      ...(this.keptAt !== undefined ? { keptAt: this.keptAt } : {}),
    }
  }

  /** The view of a (sort, filter), made once and reused until the dataset grows. */
  async view(spec: ViewSpec): Promise<ViewHandle> {
    const clean: ViewSpec = { ...(spec.sort ? { sort: spec.sort } : {}), ...(spec.filter ? { filter: spec.filter } : {}) }
    const key = viewKey(clean)
    const cached = this.views.get(key)
    if (cached && cached.rows === this.stored) return cached
    await this.opened
    const made = await this.backend.engine.call(this.id, { op: 'view', spec: clean })
    const handle = { key, length: made.length, spec: clean, rows: made.rows }
    this.views.set(key, handle)
    if (this.views.size > 6) this.views.delete(this.views.keys().next().value as string)
    return handle
  }

  async window(request: WindowRequest): Promise<RowsWindow> {
    const columns = request.columns ?? (await this.defaultColumns())
    await this.opened
    const window = await this.backend.engine.call(this.id, {
      op: 'window',
      input: { offset: request.offset, limit: request.limit, columns, ...(request.sort ? { sort: request.sort } : {}), ...(request.filter ? { filter: request.filter } : {}) },
    })
    return { datasetId: this.id, ...window }
  }

  /** One full row as Zoom returned it. */
  async row(index: number): Promise<unknown> {
    await this.opened
    return this.backend.engine.call(this.id, { op: 'row', index })
  }

  /** Rows in view order, a batch at a time from the worker. */
  async *iterate(view: ViewHandle): AsyncGenerator<unknown> {
    for (let offset = 0; offset < view.length; offset += ITERATE_BATCH) {
      const rows = await this.backend.engine.call(this.id, { op: 'rowsAt', spec: view.spec, offset, limit: ITERATE_BATCH })
      yield* rows
      if (rows.length < ITERATE_BATCH) return
    }
  }

  /** Dataset indexes in view order (a selection of every row passing a filter); more than `max` is a VALIDATION error. */
  async select(spec: ViewSpec, max?: number): Promise<number[]> {
    await this.opened
    return Array.from(await this.backend.engine.call(this.id, { op: 'select', spec, ...(max !== undefined ? { max } : {}) }))
  }

  /** How many of `rowIndexes` (a selection) pass the spec's filter; an index the dataset lacks is a VALIDATION error. */
  async countShown(spec: ViewSpec, rowIndexes: readonly number[]): Promise<number> {
    await this.opened
    return this.backend.engine.call(this.id, { op: 'countShown', spec, rowIndexes })
  }

  /** Rows whose text (any value, lower-cased) contains `needle`, at most `limit` (the user type-ahead). */
  async search(needle: string, limit: number): Promise<unknown[]> {
    await this.opened
    return this.backend.engine.call(this.id, { op: 'search', needle: needle.toLowerCase(), limit })
  }

  /**
   * Writes the view to `path` in the worker; resolves with the number of rows written. Aborting
   * `signal` stops it at its next batch (it then fails with CANCELLED), as closing the dataset does.
   */
  async exportTo(input: ExportInput, options: { signal?: AbortSignal; progress?: (progress: ExportRowsWritten) => void } = {}): Promise<number> {
    const stop = new AbortController()
    this.exports.add(stop)
    try {
      await this.opened
      const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal
      return (await this.backend.engine.call(this.id, { op: 'export', input }, { signal, ...(options.progress ? { progress: options.progress } : {}) })).rows
    } finally {
      this.exports.delete(stop)
    }
  }

  /** The catalog's display names of coded values, by column path. */
  valueLabels(): ValueLabels {
    return resourceValueLabels(this.resource)
  }

  /** Column path → label, for export headers (catalog labels for the default columns). */
  columnLabel(path: string): string {
    return this.resource.defaultColumns.find((column) => column.path === path)?.label ?? path
  }

  /** What the file says about itself once kept, so it can be listed and opened after a restart. */
  meta(): DatasetMeta {
    return {
      id: this.id,
      profileId: this.profileId,
      resourceId: this.resource.id,
      createdAt: this.createdAt,
      ...(this.missing !== undefined ? { missing: [...this.missing] } : {}),
      ...(this.hostEmails.size > 0 ? { hostEmails: Object.fromEntries(this.hostEmails) } : {}),
      ...(this.crawl ? { crawl: this.crawl } : {}),
      ...(this.keptAt !== undefined ? { keptAt: this.keptAt } : {}),
      ...(this.keptView !== undefined ? { view: this.keptView } : {}),
      list: { idKeys: [...this.resource.idKeys], defaultColumns: [...this.resource.defaultColumns] },
    }
  }

  /**
   * Moves the file to the kept folder (or leaves it there) and records why it is there; `view`: how
   * its grid was shown when kept (absent: unchanged).
   */
  async keep(keptAt: number, view?: KeptView): Promise<void> {
    await this.opened
    if (this.keptAt === undefined) await this.backend.engine.call(this.id, { op: 'move', path: this.backend.files.kept(this.id) })
    this.keptAt = keptAt
    if (view !== undefined) this.keptView = view
    await this.saveMeta()
  }

  private async saveMeta(): Promise<void> {
    await this.opened
    await this.backend.engine.call(this.id, { op: 'setMeta', meta: this.meta() })
  }

  /** Closes the database; a temporary dataset's file is deleted, a kept one stays (unless `forget`). */
  async close(forget = false): Promise<void> {
    if (this.closed) return
    this.closed = true
    for (const stop of this.exports) stop.abort(new AppError('CANCELLED', 'Its list was closed.'))
    await this.opened.catch(() => undefined)
    const path = this.keptAt === undefined ? this.backend.files.temporary(this.id) : this.backend.files.kept(this.id)
    await this.backend.engine.call(this.id, { op: 'close', remove: forget || this.keptAt === undefined, path })
  }
}

function resourceValueLabels(resource: DatasetResource): ValueLabels {
  const labels: Record<string, Readonly<Record<string, string>>> = {}
  for (const column of resource.defaultColumns) if (column.valueLabels) labels[column.path] = column.valueLabels
  return labels
}

function storedResource(resource: DatasetResource): StoredResource {
  return { id: resource.id, idKeys: resource.idKeys, columns: resource.defaultColumns.map((column) => column.path), valueLabels: resourceValueLabels(resource) }
}
