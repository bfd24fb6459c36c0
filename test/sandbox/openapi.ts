// Reads Zoom's published OpenAPI files (../shared/zoom-openapi, next to the repository) at test
// time and turns their response schemas into ajv validators. OpenAPI 3.0 quirks handled:
// `nullable`, formats ajv does not know (int64, …), `$ref` into the document's components.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import type { SpecName } from './api/catalog'
import { OPENAPI_DIR } from './api/generic/zoom-files'

export { OPENAPI_DIR }
export const OPENAPI_AVAILABLE = (['Users', 'Meetings', 'Phone'] as const).every((name) => existsSync(path.join(OPENAPI_DIR, `${name}.json`)))

type Json = Record<string, unknown>

export interface OpenApiOperation {
  operationId: string
  description?: string
  parameters?: { name: string; in: string; schema?: Json }[]
  security?: Record<string, string[]>[]
  responses: Record<string, { description?: string; content?: Record<string, { schema?: Json }> }>
}

const documents = new Map<SpecName, Json>()

export function loadSpec(name: SpecName): Json {
  let doc = documents.get(name)
  if (doc === undefined) {
    doc = JSON.parse(readFileSync(path.join(OPENAPI_DIR, `${name}.json`), 'utf8')) as Json
    documents.set(name, doc)
  }
  return doc
}

export function findOperation(spec: SpecName, apiPath: string, method = 'get'): OpenApiOperation | undefined {
  const paths = loadSpec(spec).paths as Record<string, Record<string, OpenApiOperation>>
  return paths[apiPath]?.[method]
}

// ajv-formats is CommonJS; its default export arrives wrapped under ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv

function createAjv(): Ajv {
  // Zoom's files are not always valid JSON Schema (duplicate enum values, formats such as
  // "YYYY-MM-DD"): answers are checked against what they declare, the files themselves are not.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, validateSchema: false, logger: false })
  addFormats(ajv)
  for (const format of ['int64', 'int32', 'double', 'float', 'binary', 'byte', 'password']) ajv.addFormat(format, true)
  return ajv
}

/**
 * Rewrites an OpenAPI 3.0 schema into JSON Schema: `nullable: true` becomes a null-allowing
 * type, `$ref`s point into the registered document, and with `closed` every object forbids
 * properties the schema does not declare (so the sandbox cannot invent fields unnoticed).
 * `allOf` of plain objects is merged first, since additionalProperties:false on each part
 * would reject the others' properties.
 */
export function toJsonSchema(schema: unknown, docId: string, closed: boolean): unknown {
  if (Array.isArray(schema)) return schema.map((s) => toJsonSchema(s, docId, closed))
  if (schema === null || typeof schema !== 'object') return schema
  let node = { ...(schema as Json) }
  if (closed && Array.isArray(node.allOf)) {
    const parts = flattenAllOf(node.allOf as Json[])
    if (parts.every((p) => p.type === 'object' || p.properties !== undefined)) {
      delete node.allOf
      node = {
        ...node,
        type: 'object',
        // The node's own properties sit beside its allOf in some of Zoom's schemas.
        properties: Object.assign({}, ...parts.map((p) => p.properties ?? {}), node.properties ?? {}),
        required: [...parts.flatMap((p) => (p.required as string[] | undefined) ?? []), ...((node.required as string[] | undefined) ?? [])],
      }
    }
  }
  if (closed && node.properties !== undefined) {
    // Properties beside a oneOf/anyOf belong to every alternative; closing the node and each
    // alternative apart would make every alternative refuse the node's own fields.
    for (const key of ['oneOf', 'anyOf'] as const) {
      if (!Array.isArray(node[key])) continue
      const shared = node.properties as Json
      const sharedRequired = (node.required as string[] | undefined) ?? []
      node[key] = (node[key] as Json[]).map((alt) => ({ ...alt, properties: { ...shared, ...((alt.properties as Json | undefined) ?? {}) }, required: [...sharedRequired, ...((alt.required as string[] | undefined) ?? [])] }))
      delete node.properties
      delete node.required
      break
    }
  }
  const out: Json = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'description' || key.startsWith('x-')) continue
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#')) out.$ref = `${docId}${value}`
    // A few of Zoom's schemas write "Integer" or "String"; JSON Schema's type names are lower-case.
    else if (key === 'type' && typeof value === 'string') out.type = value.toLowerCase()
    else if (key === 'properties') out.properties = Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, toJsonSchema(v, docId, closed)]))
    else out[key] = toJsonSchema(value, docId, closed)
  }
  if (out.nullable === true) {
    delete out.nullable
    if (typeof out.type === 'string') out.type = [out.type, 'null']
    if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null]
  }
  if (closed && out.type === 'object' && out.properties !== undefined && out.additionalProperties === undefined) {
    out.additionalProperties = false
    // A field the schema requires is declared by that, even where `properties` misses it.
    const properties = out.properties as Json
    for (const name of (out.required as string[] | undefined) ?? []) if (!(name in properties)) properties[name] = {}
  }
  return out
}

/** The parts of an allOf, with nested allOfs spread out. */
function flattenAllOf(parts: Json[]): Json[] {
  return parts.flatMap((part) => (Array.isArray(part.allOf) ? flattenAllOf(part.allOf as Json[]) : [part]))
}

const validators = new Map<string, ValidateFunction>()
let ajvInstance: Ajv | undefined

/** A validator for the 200 (or `status`) response of an operation; `closed` also forbids undeclared fields. */
export function responseValidator(spec: SpecName, apiPath: string, closed: boolean, status = '200', method = 'get'): ValidateFunction {
  const key = `${spec} ${method} ${apiPath} ${status} ${closed}`
  let validate = validators.get(key)
  if (validate !== undefined) return validate
  const ajv = (ajvInstance ??= createAjv())
  const docId = `zoom-${spec}-${closed ? 'closed' : 'open'}.json`
  if (ajv.getSchema(docId) === undefined) {
    ajv.addSchema({ $id: docId, components: toJsonSchema(loadSpec(spec).components ?? {}, docId, closed) })
  }
  const op = findOperation(spec, apiPath, method)
  const schema = op?.responses[status]?.content?.['application/json']?.schema
  if (schema === undefined) throw new Error(`no ${status} schema for ${spec} ${apiPath}`)
  validate = ajv.compile(toJsonSchema(schema, docId, closed) as Json)
  validators.set(key, validate)
  return validate
}

/** The "Rate Limit Label" Zoom writes in each operation's description. */
export function rateLimitLabel(op: OpenApiOperation): string | undefined {
  // Zoom writes most labels in capitals and some not (`Medium` on userPicture).
  return /Rate Limit Label[^`]*`([A-Za-z_-]+)`/.exec(op.description ?? '')?.[1]?.toUpperCase()
}

const inlineValidators = new WeakMap<object, Map<boolean, ValidateFunction>>()

/**
 * A validator for a schema given inline (the parsed catalog's response schemas, which Zoom's
 * files write without `$ref`s); `closed` also forbids undeclared fields. Memoised per schema.
 */
export function schemaValidator(schema: Json, closed: boolean): ValidateFunction {
  let byMode = inlineValidators.get(schema)
  if (byMode === undefined) {
    byMode = new Map()
    inlineValidators.set(schema, byMode)
  }
  let validate = byMode.get(closed)
  if (validate === undefined) {
    validate = (ajvInstance ??= createAjv()).compile(toJsonSchema(schema, 'zoom-inline.json', closed) as Json)
    byMode.set(closed, validate)
  }
  return validate
}

/**
 * A validator for an operation's JSON request body, as the file's requestBody schema describes it
 * (open: fields the schema does not name are let through, as Zoom ignores them); undefined when
 * the operation takes no body.
 */
export function requestValidator(spec: SpecName, apiPath: string, method: string): ValidateFunction | undefined {
  const key = `${spec} ${method} ${apiPath} request`
  if (validators.has(key)) return validators.get(key)
  const ajv = (ajvInstance ??= createAjv())
  const docId = `zoom-${spec}-open.json`
  if (ajv.getSchema(docId) === undefined) ajv.addSchema({ $id: docId, components: toJsonSchema(loadSpec(spec).components ?? {}, docId, false) })
  const op = findOperation(spec, apiPath, method) as (OpenApiOperation & { requestBody?: { content?: Record<string, { schema?: Json }> } }) | undefined
  const schema = op?.requestBody?.content?.['application/json']?.schema
  if (schema === undefined) return undefined
  const validate = ajv.compile(toJsonSchema(schema, docId, false) as Json)
  validators.set(key, validate)
  return validate
}
