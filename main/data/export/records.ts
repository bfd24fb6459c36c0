// One row of an export, as a CSV record, a JSON value or an NDJSON line.
import type { ValueLabels } from '../datasets/cells'
import type { Cell } from '../../../common/contract/data'
import { getPath } from '../datasets/paths'
import { csvLine } from './csv-field'

/**
 * A CSV record of a row's cells (its columns, in order); nested values as JSON (csv-field.ts encodes each cell).
 * `labels` (column path → coded value → name) writes a coded value as the grid shows it.
 */
export function csvRecord(cells: readonly Cell[], columns: readonly string[], labels: ValueLabels = {}): string {
  return csvLine(cells.map((cell, i) => (cell === null ? undefined : labels[columns[i] as string]?.[String(cell)]) ?? cell))
}

/** The JSON text of an exported row: the row as Zoom returned it, or its columns keyed by dotted path (raw values). */
export function jsonRecord(rowJson: string, columns: readonly string[] | undefined): string {
  if (!columns) return rowJson
  const row = JSON.parse(rowJson) as unknown
  return JSON.stringify(Object.fromEntries(columns.map((column) => [column, getPath(row, column) ?? null])))
}
