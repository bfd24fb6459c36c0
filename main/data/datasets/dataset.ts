// A crawled list kept in main: Zoom's parsed rows, stored once, deduplicated by the resource's id
// key; windows, views and exports read them through index arrays, never copies.
import type { DatasetInfo, RowsWindow } from '../../../common/contract/data'
import { AppError } from '../../../common/errors'
import type { ListResource } from '../../../common/zoom/catalog'
import { toCell, type ValueLabels } from './cells'
import { discoverColumns, getPath } from './paths'
import { type ViewIndex, type ViewSpec, viewLength, viewRow } from './view'
import { ViewCache } from './view-cache'

const SAMPLE_HEAD = 200
const SAMPLE_SPREAD = 300
const FALLBACK_COLUMN_COUNT = 12

export interface WindowRequest {
  offset: number
  limit: number
  columns?: string[]
  sort?: ViewSpec['sort']
  filter?: ViewSpec['filter']
}

/** What a dataset needs of the thing it lists: a crawl's catalog resource, or the live events of a connection. */
export type DatasetResource = Pick<ListResource, 'idKeys' | 'defaultColumns'> & { id: string }

export class Dataset<R extends DatasetResource = ListResource> {
  readonly rows: unknown[] = []
  /** Host id → email, learned from the users list of a fan-out (recordings lack host_email). */
  readonly hostEmails = new Map<string, string>()
  private ids: Set<string> | undefined = new Set()
  private readonly views = new ViewCache()
  private columnsCache: { rowCount: number; columns: string[] } | undefined
  /** What the crawl could not load; `undefined` while it is still loading. */
  private missing: string[] | undefined = []

  constructor(
    readonly id: string,
    readonly profileId: string,
    readonly resource: R,
    readonly createdAt: number,
  ) {}

  /** Appends the items not seen before; returns how many were new. */
  add(items: readonly unknown[]): number {
    let added = 0
    for (const item of items) {
      const key = this.ids ? this.rowKey(item) : undefined
      if (key !== undefined && this.ids) {
        if (this.ids.has(key)) continue
        this.ids.add(key)
      }
      this.rows.push(item)
      added++
    }
    return added
  }

  /** The crawl is over: the id set is no longer needed. */
  seal(): void {
    this.ids = undefined
  }

  /** A crawl goes on (resume, retry): rows already here are not added again. */
  unseal(): void {
    if (this.ids) return
    this.ids = new Set()
    for (const row of this.rows) {
      const key = this.rowKey(row)
      if (key !== undefined) this.ids.add(key)
    }
    this.missing = undefined
  }

  /** A crawl is filling the dataset: incomplete until it ends. */
  markLoading(): void {
    this.missing = undefined
  }

  /** The crawl ended: `missing` lists what it could not load (empty = complete). */
  setCompleteness(missing: readonly string[]): void {
    this.missing = [...missing]
  }

  /** `complete` once the crawl ended without losing anything; `missing` says what is lacking. */
  completeness(): { complete: boolean; missing?: string[] } {
    if (this.missing === undefined) return { complete: false, missing: ['The list is still loading.'] }
    return this.missing.length === 0 ? { complete: true } : { complete: false, missing: [...this.missing] }
  }

  availableColumns(): string[] {
    if (this.columnsCache?.rowCount !== this.rows.length) {
      this.columnsCache = { rowCount: this.rows.length, columns: discoverColumns(this.sample()) }
    }
    return this.columnsCache.columns
  }

  defaultColumns(): string[] {
    if (this.resource.defaultColumns.length > 0) return this.resource.defaultColumns.map((column) => column.path)
    return this.availableColumns().slice(0, FALLBACK_COLUMN_COUNT)
  }

  info(): DatasetInfo {
    return {
      datasetId: this.id,
      profileId: this.profileId,
      resource: this.resource.id,
      rows: this.rows.length,
      availableColumns: this.availableColumns(),
      defaultColumns: this.defaultColumns(),
      createdAt: this.createdAt,
      ...this.completeness(),
    }
  }

  view(spec: { sort?: ViewSpec['sort']; filter?: ViewSpec['filter']; columns?: readonly string[] }): ViewIndex {
    return this.views.get(this.rows, { sort: spec.sort, filter: spec.filter, shownColumns: spec.columns ?? this.defaultColumns(), valueLabels: this.valueLabels() })
  }

  window(request: WindowRequest): RowsWindow {
    const columns = request.columns ?? this.defaultColumns()
    const index = this.view({ sort: request.sort, filter: request.filter, columns })
    const filteredTotal = viewLength(this.rows, index)
    const end = Math.min(filteredTotal, request.offset + request.limit)
    const rows: RowsWindow['rows'] = []
    for (let position = request.offset; position < end; position++) {
      const rowIndex = viewRow(index, position)
      const row = this.rows[rowIndex]
      rows.push({ index: rowIndex, cells: columns.map((column) => toCell(getPath(row, column))) })
    }
    return { datasetId: this.id, offset: request.offset, rows, columns, total: this.rows.length, filteredTotal }
  }

  row(index: number): unknown {
    if (index >= this.rows.length) throw new AppError('NOT_FOUND', `Row ${index} does not exist in this dataset.`)
    return this.rows[index]
  }

  /** Rows in view order, for exports. */
  *iterate(index: ViewIndex): Generator<unknown> {
    const length = viewLength(this.rows, index)
    for (let position = 0; position < length; position++) yield this.rows[viewRow(index, position)]
  }

  /** Dataset indexes in view order (a selection of every row passing a filter). */
  *iterateIndexes(index: ViewIndex): Generator<number> {
    const length = viewLength(this.rows, index)
    for (let position = 0; position < length; position++) yield viewRow(index, position)
  }

  /** The first non-empty id key of the row (e.g. uuid, else id); rows without one are kept. */
  private rowKey(item: unknown): string | undefined {
    for (const key of this.resource.idKeys) {
      const value = getPath(item, key)
      if (typeof value === 'string' && value !== '') return `${key}:${value}`
      if (typeof value === 'number' || typeof value === 'bigint') return `${key}:${value}`
    }
    return undefined
  }

  /** The catalog's display names of coded values, by column path. */
  valueLabels(): ValueLabels {
    const labels: Record<string, Readonly<Record<string, string>>> = {}
    for (const column of this.resource.defaultColumns) if (column.valueLabels) labels[column.path] = column.valueLabels
    return labels
  }

  /** Column path → label, for export headers (catalog labels for the default columns). */
  columnLabel(path: string): string {
    return this.resource.defaultColumns.find((column) => column.path === path)?.label ?? path
  }

  private *sample(): Generator<unknown> {
    const count = this.rows.length
    const head = Math.min(count, SAMPLE_HEAD)
    for (let i = 0; i < head; i++) yield this.rows[i]
    if (count <= head) return
    const step = Math.max(1, Math.floor((count - head) / SAMPLE_SPREAD))
    for (let i = head; i < count; i += step) yield this.rows[i]
  }
}
