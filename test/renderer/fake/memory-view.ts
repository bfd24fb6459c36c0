// The renderer fake's datasets answer sort and filter in memory: the fake bridge is bundled for a
// browser (the screenshot harness, the grid-scroll bench), where main's store (node:sqlite in a
// worker thread) cannot run. This follows what main/data/datasets/store/dataset-db.ts says a view
// is, and builds it from main's own pure pieces rather than copies of them:
// - the spec is normalised by main's normaliseSpec (view.ts);
// - text filter: the row's search text (cells.ts searchText: every value at any depth, plus the
//   display names of coded values) contains the needle;
// - column filter: the cell's lower-cased text (cellText) contains the needle; an empty cell never does;
// - equals: the cell's text as the grid shows it (cellString) is exactly the value;
// - empty: the value is empty (isEmptyValue) when asked for true, is not when asked for false;
// - sort: main's sortKey (sort.ts); every number before every string (SQLite's storage classes),
//   strings by code point (SQLite's BINARY collation compares UTF-8 bytes), empty values last in
//   both directions (in dataset order), equal values in dataset order ascending and reversed
//   descending (descending is ascending turned over).
// test/main/data/view-contract.test.ts runs the same rows and specs through this and the real
// store and requires the same rows in the same order.
import { cellString, cellText, isEmptyValue, searchText, type ValueLabels } from '../../../main/data/datasets/cells'
import { getPath } from '../../../main/data/datasets/paths'
import { sortKey } from '../../../main/data/datasets/sort'
import { isIdentity, normaliseSpec, type ViewSpec } from '../../../main/data/datasets/view'

/** Row indexes in view order; `undefined` = every row in dataset order. */
export type MemoryView = Uint32Array | undefined

export function memoryView(rows: readonly unknown[], spec: ViewSpec, labels: ValueLabels): MemoryView {
  const normalised = normaliseSpec(spec)
  if (isIdentity(normalised)) return undefined
  const { sort, text, columnFilters, equals, empty } = normalised
  const indexes: number[] = []
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]
    if (!columnFilters.every(([column, needle]) => cellText(getPath(row, column)).includes(needle))) continue
    if (!equals.every(([column, value]) => cellString(getPath(row, column)) === value)) continue
    if (!empty.every(([column, wanted]) => isEmptyValue(getPath(row, column)) === wanted)) continue
    if (text && !searchText(row, labels).includes(text)) continue
    indexes.push(index)
  }
  if (sort) {
    const keys = new Map(indexes.map((index) => [index, sortKey(getPath(rows[index], sort.column))]))
    const sign = sort.direction === 'asc' ? 1 : -1
    indexes.sort((a, b) => {
      const ka = keys.get(a) ?? null
      const kb = keys.get(b) ?? null
      if (ka === null || kb === null) return ka === kb ? a - b : ka === null ? 1 : -1
      return sign * (compareKeys(ka, kb) || a - b)
    })
  }
  return Uint32Array.from(indexes)
}

/** How many rows a view has, and the dataset row at a position of it. */
export const memoryViewLength = (rowCount: number, view: MemoryView): number => (view ? view.length : rowCount)
export const memoryViewRow = (view: MemoryView, position: number): number => (view ? (view[position] as number) : position)

function compareKeys(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'number') return -1
  if (typeof b === 'number') return 1
  return compareCodePoints(a, b)
}

/** UTF-16 code units put U+E000–U+FFFF after surrogate pairs; code points (and UTF-8 bytes) do not. */
function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x !== y) return codePointOrder(x) - codePointOrder(y)
  }
  return a.length - b.length
}

const codePointOrder = (unit: number): number => (unit >= 0xd800 ? (unit >= 0xe000 ? unit - 0x800 : unit + 0x2000) : unit)
