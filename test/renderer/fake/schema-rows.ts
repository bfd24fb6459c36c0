// Rows for a list the fake knows only from Zoom's description (a list picked in "All lists"):
// one value per leaf of the item schema, put at its dotted path, so a row has the nested objects
// Zoom's answer would have. The columns come from main's own reading of the schema
// (common/zoom/browse/columns.ts), as main's job manager takes them when no curated columns exist.
import type { ApiOperation } from '../../../common/zoom/api/types'
import { schemaColumns, SCHEMA_DEFAULT_COLUMNS } from '../../../common/zoom/browse/columns'
import { itemPropertiesOf } from '../../../common/zoom/browse/list-spec'
import type { ResourceShape, Row } from './rows'

function valueOf(format: string | undefined, path: string, i: number): unknown {
  if (format === 'number') return i
  if (format === 'boolean') return i % 2 === 0
  if (format === 'datetime') return new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
  return `${path}-${i}`
}

export function schemaShape(operation: ApiOperation): ResourceShape {
  const leaves = schemaColumns(itemPropertiesOf(operation))
  return {
    defaultColumns: leaves.slice(0, SCHEMA_DEFAULT_COLUMNS).map((c) => c.path),
    row(i: number): Row {
      const row: Row = {}
      for (const leaf of leaves) {
        const keys = leaf.path.split('.')
        let at = row
        for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Row
        at[keys.at(-1)!] = valueOf(leaf.format, leaf.path, i)
      }
      return row
    },
  }
}
