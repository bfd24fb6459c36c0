// data.export: ask where, then stream the sorted/filtered dataset to `<file>.part` and rename it
// into place, so the target is either the complete export or untouched.
import { createWriteStream } from 'node:fs'
import { rename, rm, stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ExportResult } from '../../../common/contract/data'
import { AppError } from '../../../common/errors'
import type { Clock, DialogPort } from '../../ports'
import type { Dataset, DatasetResource } from '../datasets/dataset'
import type { ViewSpec } from '../datasets/view'
import { DOCUMENT_FILE_MODE } from '../document-mode'
import { toAppError } from '../errors'
import { csvRecords, jsonChunks } from './records'

/**
 * CSV: a header of column labels (the catalog's, else the dotted path), then one record per row.
 * JSON: full rows when no columns are given, else objects keyed by dotted path (records.ts).
 */
export interface ExportRequest {
  format: 'csv' | 'json'
  columns?: string[]
  sort?: ViewSpec['sort']
  filter?: ViewSpec['filter']
  /** CSV: coded values as the grid labels them (default) or as Zoom sent them. */
  values?: 'labels' | 'raw'
  /** CSV for Excel: a UTF-8 byte-order mark first, or Excel reads UTF-8 as the local code page. */
  excel?: boolean
}

const UTF8_BOM = '\uFEFF'

const FILTERS = {
  csv: [{ name: 'CSV', extensions: ['csv'] }],
  json: [{ name: 'JSON', extensions: ['json'] }],
}

export async function exportDataset(deps: { dialogs: DialogPort; clock: Clock }, dataset: Dataset<DatasetResource>, request: ExportRequest): Promise<ExportResult> {
  const day = new Date(deps.clock.now()).toISOString().slice(0, 10)
  const path = await deps.dialogs.chooseSaveFile({
    title: 'Export',
    defaultName: `${fileNameOf(dataset.resource.id)}-${day}.${request.format}`,
    filters: FILTERS[request.format],
  })
  if (!path) return { rows: 0, bytes: 0 }
  const shownColumns = request.columns ?? dataset.defaultColumns()
  const rows = dataset.iterate(dataset.view({ sort: request.sort, filter: request.filter, columns: shownColumns }))
  const counter = { rows: 0 }
  const part = `${path}.part`
  try {
    const output = createWriteStream(part, { flags: 'w', mode: DOCUMENT_FILE_MODE })
    if (request.format === 'csv') {
      const labels = request.values === 'raw' ? {} : dataset.valueLabels()
      const header = shownColumns.map((column) => dataset.columnLabel(column))
      if (request.excel) output.write(UTF8_BOM)
      await pipeline(Readable.from(csvRecords(rows, shownColumns, header, counter, labels)), output)
    }
    else await pipeline(Readable.from(jsonChunks(rows, request.columns, counter)), output)
    const { size } = await stat(part)
    await rename(part, path)
    const { missing } = dataset.completeness()
    return { path, rows: counter.rows, bytes: size, ...(missing ? { incomplete: missing } : {}) }
  } catch (error) {
    await rm(part, { force: true }).catch(() => undefined)
    const cause = toAppError(error, { message: 'write error' })
    throw new AppError('EXPORT_FAILED', `Could not export to ${path}: ${cause.message}`)
  }
}

/** A list's name as a file name: `/phone/call_queues/{callQueueId}/members` → `phone-call_queues-callQueueId-members`. */
function fileNameOf(resource: string): string {
  return resource.replace(/[{}]/g, '').split('/').filter((part) => part !== '').join('-') || 'list'
}
