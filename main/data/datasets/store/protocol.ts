// What main and the dataset worker say to each other: one request, one reply, matched by id.
import type { CsvSeparator } from '../../../../common/csv-separator'
import type { ExportProgress, KeptView, RowsWindow } from '../../../../common/contract/data'
import type { ColumnSpec } from '../../../../common/zoom/catalog-types'
import type { PageBytes } from '../../../zoom/list-page'
import type { ValueLabels } from '../cells'
import type { RowContext } from '../row-context'
import type { ViewSpec } from '../view'

/** What the worker needs of a dataset's resource to store its rows. */
export interface StoredResource {
  id: string
  idKeys: readonly string[]
  /** Columns extracted when a row is stored, so the grid sorts and filters them without parsing rows. */
  columns: readonly string[]
  valueLabels: ValueLabels
}

/** Facts about a dataset kept in its file, so a kept dataset can be listed and opened again. */
export interface DatasetMeta {
  id: string
  profileId: string
  resourceId: string
  createdAt: number
  /** What the crawl could not load; absent while loading. */
  missing?: string[]
  /** Host id → e-mail learned by a fan-out (recordings lack host_email). */
  hostEmails?: Record<string, string>
  /** The crawl's input, so a kept dataset can be crawled again (Refresh). */
  crawl?: { resource: string; params: Record<string, string | number | boolean>; users?: unknown }
  /** When the person chose to keep it (epoch ms); absent for a temporary dataset. */
  keptAt?: number
  /** How its grid was shown when it was kept. */
  view?: KeptView
  /** The list's row identity and columns, so a list named by its path (any list of Zoom's API) opens again. */
  list?: { idKeys: string[]; defaultColumns: ColumnSpec[] }
}

export interface WindowInput extends ViewSpec {
  offset: number
  limit: number
  columns: readonly string[]
}

export interface ExportInput extends ViewSpec {
  path: string
  /** File mode of the export (documents keep the umask's mode). */
  mode: number
  format: 'csv' | 'json' | 'ndjson'
  /** CSV: the columns; JSON/NDJSON: objects of these columns, or whole rows when absent. */
  columns?: readonly string[]
  header?: readonly string[]
  labels?: ValueLabels
  bom?: boolean
  /** CSV: values as Excel should read them: Zoom's UTC times as `YYYY-MM-DD HH:MM:SS`, text of digits kept as text (records.ts). */
  excelValues?: boolean
  /** CSV: between fields; default a comma. */
  separator?: CsvSeparator
  /** CSV: numbers with a decimal comma (with a separator other than the comma; csv-field.ts). */
  decimalComma?: boolean
  /** Only these rows (dataset indexes, the grid's selection), in the view's order; absent: every row of the view. */
  rowIndexes?: readonly number[]
}

export type Request =
  | { op: 'open'; path: string; create: boolean; resource: StoredResource; meta?: DatasetMeta }
  /** A page: each row's JSON (strings are copied whole; an object graph is cloned value by value) and id key (null: none). */
  | { op: 'add'; rows: string[]; keys: (string | null)[] }
  /** A page as Zoom's bytes (transferred, not copied): parsed in the worker, given its context, stored as `add` stores. */
  | { op: 'addPage'; page: PageBytes; context: RowContext }
  | { op: 'count' }
  | { op: 'columns' }
  | { op: 'window'; input: WindowInput }
  | { op: 'view'; spec: ViewSpec }
  | { op: 'row'; index: number }
  /** `max`: more rows than this in the view is a VALIDATION error, before any index is gathered. */
  | { op: 'select'; spec: ViewSpec; max?: number }
  /** How many of these rows (a selection) pass the spec's filter. */
  | { op: 'countShown'; spec: ViewSpec; rowIndexes: readonly number[] }
  | { op: 'search'; needle: string; limit: number }
  | { op: 'export'; input: ExportInput }
  | { op: 'setMeta'; meta: DatasetMeta }
  | { op: 'move'; path: string }
  /** `path`: where the file is, removed even when the thread does not hold the dataset (a thread that ended and was started again). */
  | { op: 'close'; remove: boolean; path?: string }
  | { op: 'readMeta'; path: string }
  | { op: 'rowsAt'; spec: ViewSpec; offset: number; limit: number }
  /** Answered once the thread runs (its code loaded, its priority lowered); no dataset needed. */
  | { op: 'ready' }

export interface Replies {
  ready: true
  open: { rows: number; meta: DatasetMeta | undefined }
  add: { added: number; rows: number }
  addPage: { added: number; rows: number }
  count: number
  columns: string[]
  window: Omit<RowsWindow, 'datasetId'>
  view: { key: string; length: number; rows: number }
  row: unknown
  select: Uint32Array
  countShown: number
  search: unknown[]
  export: { rows: number }
  setMeta: undefined
  move: undefined
  close: undefined
  readMeta: { meta: DatasetMeta | undefined; rows: number }
  rowsAt: unknown[]
}

export interface RequestMessage {
  id: number
  /** The dataset the request is about (one worker holds every open dataset). */
  datasetId: string
  request: Request
}

/** An export's progress as the worker tells it (main adds the dataset). */
export type ExportRowsWritten = Omit<ExportProgress, 'datasetId'>

/** Main gives up a request still running (an export): the worker stops it at its next batch. */
export interface CancelMessage {
  cancel: number
}

export type ReplyMessage =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code: string; message: string } }
  /** Progress of a request still running; its reply comes later. */
  | { id: number; progress: ExportRowsWritten }
