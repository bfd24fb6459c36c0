// The rows of an export, in view order, as CSV records or JSON text chunks.
import { toCell } from '../datasets/cells'
import { getPath } from '../datasets/paths'
import { csvLine } from './csv-field'

/**
 * The CSV text, one line per record (header first); nested values as JSON (csv-field.ts encodes
 * each cell). `labels` (column path → coded value → name) writes a coded value as the grid shows it.
 */
export function* csvRecords(
  rows: Iterable<unknown>,
  columns: readonly string[],
  header: readonly string[],
  counter: { rows: number },
  labels: Readonly<Record<string, Readonly<Record<string, string>>>> = {},
): Generator<string> {
  yield csvLine(header)
  for (const row of rows) {
    counter.rows++
    yield csvLine(
      columns.map((column) => {
        const cell = toCell(getPath(row, column))
        return (cell === null ? undefined : labels[column]?.[String(cell)]) ?? cell
      }),
    )
  }
}

const CHUNK_CHARS = 64 * 1024

/**
 * A JSON array streamed in ~64 KB chunks: the full rows as Zoom returned them, or, when columns
 * are chosen, one object per row keyed by the dotted column path with the raw value.
 */
export function* jsonChunks(rows: Iterable<unknown>, columns: readonly string[] | undefined, counter: { rows: number }): Generator<string> {
  let buffer = '['
  for (const row of rows) {
    const value = columns ? Object.fromEntries(columns.map((column) => [column, getPath(row, column) ?? null])) : row
    buffer += `${counter.rows === 0 ? '\n' : ',\n'}${JSON.stringify(value) ?? 'null'}`
    counter.rows++
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer
      buffer = ''
    }
  }
  yield `${buffer}${counter.rows === 0 ? '' : '\n'}]\n`
}
