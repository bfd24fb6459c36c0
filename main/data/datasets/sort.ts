// The key a row's value sorts by, computed once when the row is stored. Numbers, ISO dates (as
// epoch ms) and numeric strings become numbers; other strings are case-folded; an object or array
// sorts by its JSON; an empty value has no key. SQLite orders every number before every string
// (its storage classes), which is the order the grid has always used; empties go last in both
// directions and ties keep dataset order (the ORDER BY in dataset-db.ts says so).

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/
const NUMERIC = /^-?\d{1,15}(?:\.\d+)?$/

export function sortKey(value: unknown): number | string | null {
  if (value === undefined || value === null || value === '') return null
  if (typeof value === 'number') return Number.isNaN(value) ? null : value
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'string') {
    if (NUMERIC.test(value)) return Number(value)
    if (ISO_DATE.test(value)) {
      const time = Date.parse(value)
      if (!Number.isNaN(time)) return time
    }
    return value.toLowerCase()
  }
  return JSON.stringify(value) ?? null
}
