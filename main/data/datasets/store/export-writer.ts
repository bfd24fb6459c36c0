// An export written by the dataset worker straight from the database: rows in view order, a
// batch at a time, each batch one write; between batches the worker answers other requests
// (the grid's windows), so a long export never stalls them.
import { closeSync, openSync, writeSync } from 'node:fs'
import { toCell } from '../cells'
import { getPath } from '../paths'
import { csvLine } from '../../export/csv-field'
import { csvRecord, jsonRecord } from '../../export/records'
import { cellsExpression, type DatasetDb } from './dataset-db'
import type { ExportInput } from './protocol'

const BATCH = 10_000
const UTF8_BOM = '\uFEFF'

export async function writeExport(db: DatasetDb, input: ExportInput, between: () => Promise<void>): Promise<number> {
  const fd = openSync(input.path, 'w', input.mode)
  let rows = 0
  try {
    let text = input.bom ? UTF8_BOM : ''
    if (input.format === 'csv') text += csvLine(input.header ?? input.columns ?? [])
    else if (input.format === 'json') text += '['
    const columns = input.columns ?? []
    const cells = input.format === 'csv' ? cellsExpression(columns) : undefined
    for (const batch of db.batches(input, BATCH, cells)) {
      for (const json of batch) {
        if (input.format === 'csv') {
          // SQLite took the columns' values out of the row (`cells`): a short array to parse, not the whole row.
          const values = cells ? (JSON.parse(json) as unknown[]) : rowValues(JSON.parse(json), columns)
          text += csvRecord(values.map(toCell), columns, input.labels)
        } else if (input.format === 'ndjson') text += `${jsonRecord(json, input.columns)}\n`
        else text += `${rows === 0 ? '\n' : ',\n'}${jsonRecord(json, input.columns)}`
        rows++
      }
      writeSync(fd, text)
      text = ''
      await between()
    }
    if (input.format === 'json') text += `${rows === 0 ? '' : '\n'}]\n`
    if (text !== '') writeSync(fd, text)
  } finally {
    closeSync(fd)
  }
  return rows
}

const rowValues = (row: unknown, columns: readonly string[]): unknown[] => columns.map((column) => getPath(row, column))
