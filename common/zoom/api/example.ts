// A request body to start from when Zoom's file gives no example: built from the request schema,
// with each property's own example, default or first enum value where the schema has one, and a
// placeholder of the right type otherwise. Only required properties are filled in when the schema
// names some (a body with every optional field would be a wall of guesses to delete).
import type { JsonSchema } from './types'
import { objectProperties } from './parse'

type Json = Record<string, unknown>

const MAX_DEPTH = 6

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

export function exampleFromSchema(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!isObject(schema) || depth > MAX_DEPTH) return undefined
  if (schema.example !== undefined) return schema.example
  if (schema.default !== undefined) return schema.default
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0]
  for (const key of ['oneOf', 'anyOf'] as const) {
    const first = Array.isArray(schema[key]) ? (schema[key] as unknown[])[0] : undefined
    if (isObject(first) && schema.properties === undefined && schema.type === undefined) return exampleFromSchema(first, depth + 1)
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type
  const properties = objectProperties(schema)
  if (type === 'object' || (type === undefined && Object.keys(properties).length > 0)) {
    const required = new Set(Array.isArray(schema.required) ? (schema.required as unknown[]).filter((r): r is string => typeof r === 'string') : [])
    const names = Object.keys(properties).filter((name) => required.size === 0 || required.has(name))
    return Object.fromEntries(names.map((name) => [name, exampleFromSchema(properties[name], depth + 1) ?? null]))
  }
  switch (type) {
    case 'array': {
      const item = exampleFromSchema(isObject(schema.items) ? schema.items : undefined, depth + 1)
      return item === undefined ? [] : [item]
    }
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 0
    case 'boolean':
      return false
    case 'string':
      return schema.format === 'date-time' ? '2026-01-01T09:00:00Z' : schema.format === 'date' ? '2026-01-01' : schema.format === 'email' ? 'someone@example.com' : ''
    default:
      return undefined
  }
}

/** The body the console's editor starts from: the file's example, or one built from the schema. */
export function startingBody(requestBody: { schema?: JsonSchema; example?: unknown } | undefined): string {
  if (!requestBody) return ''
  const value = requestBody.example !== undefined ? requestBody.example : exampleFromSchema(requestBody.schema)
  if (value === undefined) return ''
  if (typeof value === 'string') {
    // Some files give the example as JSON text already.
    try {
      return JSON.stringify(JSON.parse(value), null, 2)
    } catch {
      return JSON.stringify(value)
    }
  }
  return JSON.stringify(value, null, 2)
}
