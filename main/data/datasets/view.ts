// A view of a dataset: the row indexes that pass a filter, in sort order. Plain computation with no
// Node module, so the renderer's component tests run their fake datasets through this same code;
// view-cache.ts keeps computed views, so scrolling is a slice of an index array.
import { cellString, cellText, rowContains, type ValueLabels } from './cells'
import { getPath } from './paths'
import { sortIndexes } from './sort'

export interface ViewSpec {
  sort?: { column: string; direction: 'asc' | 'desc' }
  filter?: { text?: string; columns?: Record<string, string>; equals?: Record<string, string> }
  /** The columns shown in the grid (the text filter searches every column, shown or not). */
  shownColumns: readonly string[]
  /** Coded values' display names, so "Licensed" finds type 2 as the grid shows it. */
  valueLabels?: ValueLabels
}

/** Index of dataset rows in view order; `undefined` = every row in dataset order. */
export type ViewIndex = Uint32Array | undefined

export interface NormalisedSpec {
  sort?: { column: string; direction: 'asc' | 'desc' }
  text?: string
  columnFilters: [string, string][]
  equals: [string, string][]
}

export function normalise(spec: ViewSpec): NormalisedSpec {
  const text = spec.filter?.text?.trim().toLowerCase() || undefined
  const columnFilters = Object.entries(spec.filter?.columns ?? {})
    .map(([column, needle]): [string, string] => [column, needle.trim().toLowerCase()])
    .filter(([, needle]) => needle !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const equals = Object.entries(spec.filter?.equals ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return { sort: spec.sort, text, columnFilters, equals }
}

export function computeView(rows: readonly unknown[], spec: ViewSpec): ViewIndex {
  const { sort, text, columnFilters, equals } = normalise(spec)
  const labels = spec.valueLabels ?? {}
  if (!sort && !text && columnFilters.length === 0 && equals.length === 0) return undefined
  let indexes: number[] = []
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]
    if (columnFilters.length > 0 && !columnFilters.every(([column, needle]) => cellText(getPath(row, column)).includes(needle))) continue
    if (equals.length > 0 && !equals.every(([column, value]) => cellString(getPath(row, column)) === value)) continue
    if (text && !rowContains(row, text, labels)) continue
    indexes.push(index)
  }
  if (sort) indexes = sortIndexes(rows, indexes, sort.column, sort.direction)
  return Uint32Array.from(indexes)
}

export const viewLength = (rows: readonly unknown[], index: ViewIndex): number => (index ? index.length : rows.length)
export const viewRow = (index: ViewIndex, position: number): number => (index ? (index[position] as number) : position)
