// A fast-check arbitrary of values made from a JSON Schema, for property tests that hold a schema
// checker to a referee. It reads the keywords Zoom's files use (type, properties, required, enum,
// items, anyOf/oneOf, minimum/maximum, maxLength, pattern); strings with a pattern come from
// fast-check's stringMatching (ECMAScript syntax, as JSON Schema specifies). It aims at valid
// values but does not promise them: callers keep only what their referee accepts. `$ref`s must be
// resolved beforehand.
import fc from 'fast-check'

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v)

export function schemaArbitrary(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  if (!isObject(schema) || depth > 16) return fc.constant(null)
  const type = Array.isArray(schema.type) ? (schema.type[0] as unknown) : schema.type
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    const pick = fc.constantFrom(...(schema.enum as unknown[]))
    // Some of Zoom's files put the items' enum on the array itself.
    return type === 'array' ? fc.array(pick, { maxLength: 3 }) : pick
  }
  const options = schema.anyOf ?? schema.oneOf
  if (Array.isArray(options) && options.length > 0 && type === undefined) return fc.oneof(...options.map((o) => schemaArbitrary(o, depth + 1)))
  switch (type) {
    case 'object': {
      const properties = isObject(schema.properties) ? schema.properties : {}
      const shape = Object.fromEntries(Object.entries(properties).map(([key, child]) => [key, schemaArbitrary(child, depth + 1)]))
      const required = Array.isArray(schema.required) ? schema.required.filter((k): k is string => typeof k === 'string' && k in properties) : []
      return fc.record(shape, { requiredKeys: required })
    }
    case 'array':
      return fc.array(schemaArbitrary(schema.items, depth + 1), { maxLength: 3 })
    case 'integer':
      return fc.integer({ min: num(schema.minimum, -1e6), max: num(schema.maximum, 1e12) })
    case 'number':
      return fc.double({ min: num(schema.minimum, -1e6), max: num(schema.maximum, 1e6), noNaN: true })
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'string':
      if (typeof schema.pattern === 'string') {
        try {
          return fc.stringMatching(new RegExp(schema.pattern))
        } catch {
          return fc.string()
        }
      }
      return fc.string({ maxLength: num(schema.maxLength, 20) })
    default:
      return fc.jsonValue({ maxDepth: 1 })
  }
}

const num = (value: unknown, fallback: number) => (typeof value === 'number' ? value : fallback)
