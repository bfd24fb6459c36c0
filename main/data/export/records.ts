// One row of an export, as a CSV record, a JSON value or an NDJSON line.
import type { ValueLabels } from '../datasets/cells'
import { toCell } from '../datasets/cells'
import { getPath } from '../datasets/paths'
import { csvLine } from './csv-field'

/**
 * A CSV record of the row's columns; nested values as JSON (csv-field.ts encodes each cell).
 * `labels` (column path → coded value → name) writes a coded value as the grid shows it.
 */
export function csvRecord(row: unknown, columns: readonly string[], labels: ValueLabels = {}): string {
  return csvLine(
    columns.map((column) => {
      const cell = toCell(getPath(row, column))
      return (cell === null ? undefined : labels[column]?.[String(cell)]) ?? cell
    }),
  )
}

/** The JSON text of an exported row: the row as Zoom returned it, or its columns keyed by dotted path (raw values). */
export function jsonRecord(rowJson: string, columns: readonly string[] | undefined): string {
  if (!columns) return rowJson
  const row = JSON.parse(rowJson) as unknown
  return JSON.stringify(Object.fromEntries(columns.map((column) => [column, getPath(row, column) ?? null])))
}
