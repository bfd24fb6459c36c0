// How an extracted column holds a row's value: its sort key, and its lower-cased text (for
// "contains" filters) only where that differs from the key. The text of a plain string is its
// sort key already (both lower-cased), so it is stored once: readers take `coalesce(t, k)`.
// Main computes these for a crawled page's default columns from the rows it has just parsed,
// and the dataset worker for any other row or column; both use this.
import { cellText } from './cells'
import { getPath } from './paths'
import { sortKey } from './sort'

export type ColumnCell = [number | string | null, string | null]

/** A value's sort key and lower-cased text ('' stored as NULL). */
export function columnCell(value: unknown): ColumnCell {
  const key = sortKey(value)
  if (typeof value === 'string' && typeof key === 'string') return [key, null]
  return [key, cellText(value) || null]
}

/** For each path, the JSON array of the rows' cells at it (what a column table takes in one statement). */
export function columnCellsJson(rows: readonly unknown[], paths: readonly string[]): string[] {
  return paths.map((path) => JSON.stringify(rows.map((row) => columnCell(getPath(row, path)))))
}
