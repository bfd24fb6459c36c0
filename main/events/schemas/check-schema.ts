// Checks an event against the JSON Schema Zoom publishes for its type (the `webhooks` section of
// its OpenAPI 3.1 event files). Only the keywords those files use are understood: type,
// properties, required, additionalProperties, enum, items, anyOf/oneOf, minimum/maximum,
// maxLength, pattern and local $ref. `format` is descriptive there (Zoom's own examples do not
// always honour it), so it is not enforced. Differences are listed, not thrown: an event that
// does not match its schema is still an event Zoom sent.
import type { SchemaIssue } from '../../../common/contract/events-subscription'
import { linearPatternOrUndefined, type LinearPattern } from '../../../common/zoom/api/linear-pattern'
import { REDACTED } from '../../log/redact-json'

type Json = Record<string, unknown>
const MAX_ISSUES = 100

export function checkAgainstSchema(value: unknown, schema: unknown, root: unknown): SchemaIssue[] {
  const issues: SchemaIssue[] = []
  visit(value, schema, '', root, issues, 0)
  return issues.slice(0, MAX_ISSUES)
}

function visit(value: unknown, schemaIn: unknown, path: string, root: unknown, issues: SchemaIssue[], depth: number): void {
  if (issues.length >= MAX_ISSUES || depth > 64) return
  // A value the app withheld before storing the event (a field named like a credential, e.g. a
  // boolean require_password_… setting) is not what Zoom sent: it cannot differ from the schema.
  if (value === REDACTED) return
  const schema = resolve(schemaIn, root)
  if (!isObject(schema)) return
  const types = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? schema.type.filter((t): t is string => typeof t === 'string') : []
  if (types.length > 0 && !types.some((t) => hasType(value, t))) {
    issues.push({ path, message: `expected ${types.join(' or ')}, got ${typeName(value)}` })
    return
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key]
    if (Array.isArray(options) && options.length > 0 && !options.some((option) => checkAgainstSchema(value, option, root).length === 0)) {
      issues.push({ path, message: `matches none of the ${options.length} allowed shapes` })
    }
  }
  // Some of Zoom's files put the items' enum on the array itself; it is read as the items' enum.
  if (Array.isArray(schema.enum) && Array.isArray(value) && types.includes('array')) {
    value.forEach((item, index) => {
      if (!(schema.enum as unknown[]).some((allowed) => allowed === item)) issues.push({ path: `${path}[${index}]`, message: `${JSON.stringify(item)?.slice(0, 60)} is not one of the listed values` })
    })
  } else if (Array.isArray(schema.enum) && !schema.enum.some((allowed) => allowed === value)) {
    issues.push({ path, message: `${JSON.stringify(value)?.slice(0, 60)} is not one of ${schema.enum.slice(0, 8).map((v) => JSON.stringify(v)).join(', ')}${schema.enum.length > 8 ? ', …' : ''}` })
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) issues.push({ path, message: `${value} is below the minimum ${schema.minimum}` })
    if (typeof schema.maximum === 'number' && value > schema.maximum) issues.push({ path, message: `${value} is above the maximum ${schema.maximum}` })
  }
  if (typeof value === 'string') {
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) issues.push({ path, message: `longer than ${schema.maxLength} characters` })
    if (typeof schema.pattern === 'string' && !matches(schema.pattern, value)) issues.push({ path, message: `does not match the pattern ${schema.pattern}` })
  }
  if (Array.isArray(value) && schema.items !== undefined) {
    value.forEach((item, index) => visit(item, schema.items, `${path}[${index}]`, root, issues, depth + 1))
  }
  if (isObject(value)) {
    const properties = isObject(schema.properties) ? schema.properties : {}
    if (Array.isArray(schema.required)) {
      for (const key of schema.required) if (typeof key === 'string' && !(key in value)) issues.push({ path: join(path, key), message: 'is required but missing' })
    }
    for (const [key, child] of Object.entries(value)) {
      if (key in properties) visit(child, properties[key], join(path, key), root, issues, depth + 1)
      // A field the schema requires is part of it even where `properties` forgot to describe it.
      else if (schema.additionalProperties === false && !(Array.isArray(schema.required) && schema.required.includes(key))) issues.push({ path: join(path, key), message: 'is not in Zoom’s schema for this event' })
      else if (isObject(schema.additionalProperties)) visit(child, schema.additionalProperties, join(path, key), root, issues, depth + 1)
    }
  }
}

/** Local references only. Zoom's files point some at `#/paths/<event>/…` although the events live under `#/webhooks`. */
function resolve(schema: unknown, root: unknown, seen = 0): unknown {
  if (!isObject(schema) || typeof schema.$ref !== 'string' || seen > 16) return schema
  const ref = schema.$ref
  if (!ref.startsWith('#/')) return {}
  const target = pointer(root, ref) ?? pointer(root, ref.replace(/^#\/paths\//, '#/webhooks/'))
  return resolve(target ?? {}, root, seen + 1)
}

function pointer(root: unknown, ref: string): unknown {
  let node: unknown = root
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (!isObject(node) && !Array.isArray(node)) return undefined
    node = (node as Json)[key]
    if (node === undefined) return undefined
  }
  return node
}

/**
 * Patterns run by RE2 in linear time (common/zoom/api/linear-pattern.ts): an event file in the
 * data folder may have been planted, and a backtracking RegExp could block main on one event.
 * One RE2 cannot read is not checked.
 */
const patterns = new Map<string, LinearPattern | undefined>()
function matches(pattern: string, value: string): boolean {
  if (!patterns.has(pattern)) patterns.set(pattern, linearPatternOrUndefined(pattern))
  const compiled = patterns.get(pattern)
  return compiled ? compiled.test(value) : true
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isObject(value)
    case 'array':
      return Array.isArray(value)
    case 'string':
      return typeof value === 'string'
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value)
    case 'number':
      return typeof value === 'number'
    case 'boolean':
      return typeof value === 'boolean'
    case 'null':
      return value === null
    default:
      return true
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer'
  return typeof value
}

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value)
const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`)
