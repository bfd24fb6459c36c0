// What a row's value looks like in a grid cell and in the text a filter searches.
import type { Cell } from '../../../common/contract/data'

export function toCell(value: unknown): Cell {
  if (value === undefined || value === null) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  if (typeof value === 'bigint') return value.toString()
  return JSON.stringify(value) ?? null
}

/** A value as the grid shows it, as text ('' for none). */
export function cellString(value: unknown): string {
  const cell = toCell(value)
  return cell === null ? '' : String(cell)
}

/**
 * Whether a value counts as empty for the "Empty" / "Not empty" column filter: what the grid shows
 * as a blank cell (a missing key, null, ''), and also an empty list or object ([] and {}), which
 * says "none" as surely as a missing key (a user in no group). 0, false and "0" are values. The
 * dataset store keeps this as a condition on its column tables (dataset-db.ts emptyCellSql).
 */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true
  if (typeof value !== 'object') return false
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0
}

/** Lower-cased text of a value for case-insensitive "contains" filters; '' for empty values. */
export function cellText(value: unknown): string {
  return cellString(value).toLowerCase()
}

/** Column path → coded value → display name (the catalog's `valueLabels`). */
export type ValueLabels = Readonly<Record<string, Readonly<Record<string, string>>>>

const MAX_DEPTH = 6
/** Between two values of a row's search text, so a needle never matches across two of them. */
export const SEARCH_SEPARATOR = '\u001f'

/**
 * The lower-cased text the grid's text filter searches in a row: every value at any depth
 * (every column, shown or not, array items included) and the display name of each coded value.
 * A needle (already lower-cased) is in the row when it is in this text.
 */
export function searchText(row: unknown, labels: ValueLabels): string {
  const parts: string[] = []
  for (const [path, names] of Object.entries(labels)) {
    let value: unknown = row
    for (const key of path.split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined
    const name = value === undefined || value === null ? undefined : names[String(value)]
    if (name !== undefined) parts.push(name.toLowerCase())
  }
  const walk = (value: unknown, depth: number): void => {
    if (value === null || value === undefined) return
    if (typeof value === 'string') parts.push(value.toLowerCase())
    else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') parts.push(String(value).toLowerCase())
    else if (typeof value === 'object' && depth < MAX_DEPTH) for (const child of Array.isArray(value) ? value : Object.values(value)) walk(child, depth + 1)
  }
  walk(row, 0)
  return parts.join(SEARCH_SEPARATOR)
}
