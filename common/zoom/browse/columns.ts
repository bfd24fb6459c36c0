// A list's columns from its item's schema: nested objects flattened into dotted paths
// (`site.name`), arrays kept as one column, in the schema's order. What the grid shows first
// when we have no curated columns for the list; the column chooser offers every path seen in rows.
import { objectProperties } from '../api/parse'
import type { JsonSchema } from '../api/types'
import type { ColumnFormat, ColumnSpec } from '../catalog-types'

const MAX_DEPTH = 3
/** Columns shown at first; the rest are a click away in the column chooser. */
export const SCHEMA_DEFAULT_COLUMNS = 12

function formatOf(schema: JsonSchema): ColumnFormat | undefined {
  if (schema.format === 'date-time') return 'datetime'
  if (schema.format === 'date') return 'date'
  if (schema.type === 'integer' || schema.type === 'number') return 'number'
  if (schema.type === 'boolean') return 'boolean'
  return undefined
}

const labelOf = (path: string) => path.replace(/[._]/g, ' ').replace(/^./, (c) => c.toUpperCase())

/** Every leaf path of an item schema, objects flattened, arrays as one column. */
export function schemaColumns(properties: Readonly<Record<string, JsonSchema>> | undefined): ColumnSpec[] {
  const columns: ColumnSpec[] = []
  const walk = (props: Readonly<Record<string, JsonSchema>>, prefix: string, depth: number) => {
    for (const [name, schema] of Object.entries(props)) {
      const path = prefix ? `${prefix}.${name}` : name
      const nested = schema.type !== 'array' ? objectProperties(schema) : {}
      if (Object.keys(nested).length > 0 && depth < MAX_DEPTH) walk(nested, path, depth + 1)
      else {
        const format = formatOf(schema)
        columns.push({ path, label: labelOf(path), ...(format ? { format } : {}) })
      }
    }
  }
  if (properties) walk(properties, '', 1)
  return columns
}
