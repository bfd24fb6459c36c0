// One row of an export, as a CSV record, a JSON value or an NDJSON line.
import { toCell, type ValueLabels } from '../datasets/cells'
import { getPath } from '../datasets/paths'
import { csvLine, type CsvLineOptions } from './csv-field'
import { excelTime } from './excel-time'

/**
 * A CSV record of a row's values at its columns, in order (each as its grid cell: nested values
 * as JSON; csv-field.ts encodes each). `labels` (column path → coded value → name) writes a coded
 * value as the grid shows it; only a label map's own names count, so a value or column called
 * "constructor" is not a label. `excelValues` writes Zoom's UTC times as Excel reads them (excel-time.ts)
 * and text of digits so that Excel keeps it (csv-field.ts);
 * `line` gives the separator and decimal mark (csv-field.ts).
 */
export function csvRecord(values: readonly unknown[], columns: readonly string[], labels: ValueLabels = {}, excelValues = false, line: CsvLineOptions = {}): string {
  return csvLine(
    values.map((value, i) => {
      const cell = toCell(value)
      const column = columns[i] as string
      const names = cell !== null && Object.hasOwn(labels, column) ? labels[column] : undefined
      if (names && Object.hasOwn(names, String(cell))) return names[String(cell)] as string
      return excelValues ? excelTime(cell) : cell
    }),
    excelValues ? { ...line, excelText: true } : line,
  )
}

/** The JSON text of an exported row: the row as Zoom returned it, or its columns keyed by dotted path (raw values). */
export function jsonRecord(rowJson: string, columns: readonly string[] | undefined): string {
  if (!columns) return rowJson
  const row = JSON.parse(rowJson) as unknown
  return JSON.stringify(Object.fromEntries(columns.map((column) => [column, getPath(row, column) ?? null])))
}
