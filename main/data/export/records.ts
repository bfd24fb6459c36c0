// One row of an export, as a CSV record, a JSON value or an NDJSON line.
import { toCell, type ValueLabels } from '../datasets/cells'
import { getPath } from '../datasets/paths'
import { csvField } from './csv-field'

/**
 * A CSV record of a row's values at its columns, in order (each as its grid cell: nested values
 * as JSON; csv-field.ts encodes each). `labels` (column path → coded value → name) writes a coded
 * value as the grid shows it. One pass, no arrays made: it runs for every row of an export of
 * millions.
 */
export function csvRecord(values: readonly unknown[], columns: readonly string[], labels: ValueLabels = {}): string {
  let line = ''
  for (let i = 0; i < values.length; i++) {
    const cell = toCell(values[i])
    const column = columns[i] as string
    // Own names only: a column or value called "constructor" is not a label.
    const names = cell !== null && Object.hasOwn(labels, column) ? labels[column] : undefined
    const key = String(cell)
    const field = csvField(names && Object.hasOwn(names, key) ? (names[key] as string) : cell)
    line += i === 0 ? field : `,${field}`
  }
  return `${line}\n`
}

/** The JSON text of an exported row: the row as Zoom returned it, or its columns keyed by dotted path (raw values). */
export function jsonRecord(rowJson: string, columns: readonly string[] | undefined): string {
  if (!columns) return rowJson
  const row = JSON.parse(rowJson) as unknown
  return JSON.stringify(Object.fromEntries(columns.map((column) => [column, getPath(row, column) ?? null])))
}
