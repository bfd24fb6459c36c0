// What a row's value looks like in a grid cell and in the text a filter searches.
import type { Cell } from '../../../common/contract/data'

export function toCell(value: unknown): Cell {
  if (value === undefined || value === null) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  if (typeof value === 'bigint') return value.toString()
  return JSON.stringify(value) ?? null
}

/** Lower-cased text of a value for case-insensitive "contains" filters; '' for empty values. */
export function cellText(value: unknown): string {
  const cell = toCell(value)
  return cell === null ? '' : String(cell).toLowerCase()
}
