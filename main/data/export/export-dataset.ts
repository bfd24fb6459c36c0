// data.export: ask where, then the dataset worker streams the sorted/filtered rows (or the
// selected ones) from the database to `<file>.<random>.part` (made new, never an existing file), which is renamed into
// place: the target is either the complete export or untouched, and main's event loop never runs
// the export. A long export says how far it got as it goes, and a Cancel (or closing the list or
// the window) stops it and removes the part.
import { randomBytes } from 'node:crypto'
import { rename, rm, stat } from 'node:fs/promises'
import type { ExportResult } from '../../../common/contract/data'
import { decimalMarkOf, defaultSeparator, type CsvSeparator } from '../../../common/csv-separator'
import { AppError } from '../../../common/errors'
import type { Clock, DialogPort } from '../../ports'
import type { Dataset, DatasetResource } from '../datasets/dataset'
import type { ExportRowsWritten } from '../datasets/store/protocol'
import type { ViewSpec } from '../datasets/view'
import { DOCUMENT_FILE_MODE } from '../document-mode'
import { toAppError } from '../errors'
import { assertSelectionWithin } from '../datasets/selection'

/**
 * CSV: a header of column labels (the catalog's, else the dotted path), then one record per row.
 * JSON: an array of full rows when no columns are given, else of objects keyed by dotted path
 * (records.ts). NDJSON: the same values, one per line.
 */
export interface ExportRequest {
  format: 'csv' | 'json' | 'ndjson'
  columns?: string[]
  sort?: ViewSpec['sort']
  filter?: ViewSpec['filter']
  /** CSV: coded values as the grid labels them (default) or as Zoom sent them. */
  values?: 'labels' | 'raw'
  /**
   * CSV for Excel: a UTF-8 byte-order mark first, or Excel reads UTF-8 as the local code page; with
   * labels, Zoom's UTC times are written as Excel reads times (excel-time.ts).
   */
  excel?: boolean
  /** CSV: between fields; absent: what the Export dialog starts on (common/csv-separator.ts). */
  separator?: CsvSeparator
  /**
   * Only these rows (the grid's selection), in the sort's order. The filter does not apply: a row
   * selected before the filter changed is still one the person chose.
   */
  rowIndexes?: readonly number[]
}

const FILTERS = {
  csv: [{ name: 'CSV', extensions: ['csv'] }],
  json: [{ name: 'JSON', extensions: ['json'] }],
  ndjson: [{ name: 'NDJSON', extensions: ['ndjson', 'jsonl'] }],
}

/** While an export runs: what stops it, and who is told how far it got. */
export interface ExportRun {
  signal?: AbortSignal
  progress?: (progress: ExportRowsWritten) => void
}

/** What an export needs of main: where to ask, the day for the file's name, the machine's regional format (a BCP 47 tag; absent: English). */
export interface ExportDeps {
  dialogs: DialogPort
  clock: Clock
  locale?: string | undefined
}

export async function exportDataset(deps: ExportDeps, dataset: Dataset<DatasetResource>, request: ExportRequest, run: ExportRun = {}): Promise<ExportResult> {
  // Refused before the person is asked where (the worker checks again before it makes the file).
  if (request.rowIndexes) assertSelectionWithin(request.rowIndexes, dataset.rowCount)
  const path = await deps.dialogs.chooseSaveFile({
    title: 'Export',
    defaultName: `${fileNameOf(dataset.resource.id)}-${datesOfName(dataset, deps.clock)}.${request.format}`,
    filters: FILTERS[request.format],
  })
  if (!path) return { rows: 0, bytes: 0 }
  // Cancelled while the person chose where: nothing is written.
  run.signal?.throwIfAborted()
  // A name of this export's own: two exports to one file (two lists at once) each write their own
  // part, and a file beside it (the person's own X.part, or a link planted there) is never touched.
  const part = `${path}.${randomBytes(4).toString('hex')}.part`
  const view = {
    ...(request.sort ? { sort: request.sort } : {}),
    ...(request.rowIndexes ? { rowIndexes: request.rowIndexes } : request.filter ? { filter: request.filter } : {}),
  }
  // What the rows lack when the export takes them: a crawl that ends while the file is written adds
  // rows the file does not get, so the list's completeness afterwards would not be the file's.
  const { missing } = dataset.completeness()
  try {
    let rows: number
    if (request.format === 'csv') {
      const columns = request.columns ?? (await dataset.defaultColumns())
      const separator = request.separator ?? defaultSeparator(request.excel === true, deps.locale)
      const asExcelReads = request.excel === true && request.values !== 'raw'
      rows = await dataset.exportTo(
        {
          ...view,
          path: part,
          mode: DOCUMENT_FILE_MODE,
          format: 'csv',
          columns,
          header: columns.map((column) => dataset.columnLabel(column)),
          labels: request.values === 'raw' ? {} : dataset.valueLabels(),
          // For Excel, values as the grid shows them include times Excel reads as times and digits it keeps as text; raw stays Zoom's text.
          ...(request.excel ? { bom: true, ...(asExcelReads ? { excelValues: true } : {}) } : {}),
          ...(separator === ',' ? {} : { separator }),
          // A `;` file for Excel is read by an Excel whose decimal mark is `,` (that is why its list
          // separator is `;`), which takes `12.5` for a date: numbers get this machine's decimal
          // comma then. Not with `;` chosen in a `.` locale (that Excel reads `12.5`), nor for raw values (Zoom's text).
          ...(asExcelReads && separator === ';' && decimalMarkOf(deps.locale) === ',' ? { decimalComma: true } : {}),
        },
        run,
      )
    } else rows = await dataset.exportTo({ ...view, path: part, mode: DOCUMENT_FILE_MODE, format: request.format, ...(request.columns ? { columns: request.columns } : {}) }, run)
    const { size } = await stat(part)
    await rename(part, path)
    return { path, rows, bytes: size, ...(missing ? { incomplete: missing } : {}) }
  } catch (error) {
    await rm(part, { force: true }).catch(() => undefined)
    const cause = toAppError(error, { message: 'write error' })
    if (cause.code === 'VALIDATION') throw cause
    if (cause.code === 'CANCELLED') {
      const why = cause.message === 'Cancelled.' ? '' : ` ${cause.message}`
      throw new AppError('CANCELLED', `Export cancelled; nothing was written to ${path}.${why}`)
    }
    throw new AppError('EXPORT_FAILED', `Could not export to ${path}: ${cause.message}`)
  }
}

/**
 * The dates a file name carries: the crawl's window (`2026-10-01_2026-10-31`) when it was loaded
 * for one, so October's and November's report exported on the same day are two names, not one
 * file offered for overwriting; otherwise the day of the export.
 */
function datesOfName(dataset: Pick<Dataset<DatasetResource>, 'crawl'>, clock: Clock): string {
  const dayOf = (value: unknown) => (typeof value === 'string' ? /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] : undefined)
  const from = dayOf(dataset.crawl?.params.from)
  const to = dayOf(dataset.crawl?.params.to)
  return from !== undefined && to !== undefined ? `${from}_${to}` : new Date(clock.now()).toISOString().slice(0, 10)
}

/** A list's name as a file name: `/phone/call_queues/{callQueueId}/members` → `phone-call_queues-callQueueId-members`. */
function fileNameOf(resource: string): string {
  return resource.replace(/[{}]/g, '').split('/').filter((part) => part !== '').join('-') || 'list'
}
