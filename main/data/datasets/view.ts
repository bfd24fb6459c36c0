// A view of a dataset: the rows that pass a filter, in sort order. The database materialises one
// per (sort, filter) and keeps a few (dataset-db.ts); this file says what makes two specs the same.
// It imports no Node module, so the renderer's fake datasets (bundled for a browser) normalise a
// spec with this same code; view-key.ts hashes a spec for main.

export interface ViewSpec {
  sort?: { column: string; direction: 'asc' | 'desc' }
  filter?: { text?: string; columns?: Record<string, string>; equals?: Record<string, string>; empty?: Record<string, boolean> }
  /** The columns the grid shows: not part of the view (the text filter searches every column). */
  shownColumns?: readonly string[]
}

/** A spec with blank filters dropped, needles trimmed and lower-cased, and entries in one order. */
export interface NormalisedSpec {
  sort?: { column: string; direction: 'asc' | 'desc' }
  text?: string
  columnFilters: [string, string][]
  equals: [string, string][]
  /** Column → whether its value must be empty (true) or must not be (false); cells.ts isEmptyValue says what empty is. */
  empty: [string, boolean][]
}

const byColumn = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0)

export function normaliseSpec(spec: ViewSpec): NormalisedSpec {
  const text = spec.filter?.text?.trim().toLowerCase() || undefined
  const columnFilters = Object.entries(spec.filter?.columns ?? {})
    .map(([column, needle]): [string, string] => [column, needle.trim().toLowerCase()])
    .filter(([, needle]) => needle !== '')
    .sort(byColumn)
  const equals = Object.entries(spec.filter?.equals ?? {}).sort(byColumn)
  const empty = Object.entries(spec.filter?.empty ?? {}).sort(byColumn)
  return { ...(spec.sort ? { sort: spec.sort } : {}), ...(text ? { text } : {}), columnFilters, equals, empty }
}

/** Whether any filter keeps some rows out (a sort alone does not). */
export const isFiltered = (spec: NormalisedSpec): boolean => !!spec.text || spec.columnFilters.length > 0 || spec.equals.length > 0 || spec.empty.length > 0

/** Every row in dataset order: no view table is needed. */
export const isIdentity = (spec: NormalisedSpec): boolean => !spec.sort && !isFiltered(spec)
