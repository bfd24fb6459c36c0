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

/** Lower-cased text of a value for case-insensitive "contains" filters; '' for empty values. */
export function cellText(value: unknown): string {
  return cellString(value).toLowerCase()
}

/** Column path → coded value → display name (the catalog's `valueLabels`). */
export type ValueLabels = Readonly<Record<string, Readonly<Record<string, string>>>>

const MAX_DEPTH = 6

/**
 * True when any value of the row, at any depth (every column, shown or not, array items
 * included), or the display name of a coded value, contains `needle` (already lower-cased).
 */
export function rowContains(row: unknown, needle: string, labels: ValueLabels): boolean {
  for (const [path, names] of Object.entries(labels)) {
    let value: unknown = row
    for (const key of path.split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined
    const name = value === undefined || value === null ? undefined : names[String(value)]
    if (name !== undefined && name.toLowerCase().includes(needle)) return true
  }
  const walk = (value: unknown, depth: number): boolean => {
    if (value === null || value === undefined) return false
    if (typeof value === 'string') return value.toLowerCase().includes(needle)
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value).toLowerCase().includes(needle)
    if (typeof value !== 'object' || depth >= MAX_DEPTH) return false
    for (const child of Array.isArray(value) ? value : Object.values(value)) if (walk(child, depth + 1)) return true
    return false
  }
  return walk(row, 0)
}
