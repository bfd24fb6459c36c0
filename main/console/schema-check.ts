// Checks a JSON value against one of the schemas in Zoom's OpenAPI files (a request body before
// it is sent, a response once it arrives) with ajv, and says what differs by JSON path:
// `$.settings.host_video: expected boolean, got string`. Differences are listed, never thrown:
// the person decides whether to send a body anyway, and a response that differs is still Zoom's.
//
// Zoom's files are OpenAPI 3.0, which is not quite JSON Schema: `nullable: true` allows null
// (ajv refuses it without a `type`, so it is rewritten), formats such as int64 or binary are
// descriptive, `example` / `x-*` keys are documentation, and a `pattern` that is no regular
// expression (a date format written out) is a description too. Zoom's files have no `$ref`s.
// Patterns are run by RE2 in linear time (common/zoom/api/linear-pattern.ts), never by
// JavaScript's backtracking RegExp: a copy of the files may have been planted in the data folder.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import type { SchemaIssue } from '../../common/contract/events-subscription'
import { compileLinearPattern, linearPatternOrUndefined } from '../../common/zoom/api/linear-pattern'
import type { JsonSchema } from '../../common/zoom/api/types'

type Json = Record<string, unknown>

/** Enough to act on; a body wrong everywhere is not helped by a thousand lines. */
export const MAX_SCHEMA_ISSUES = 50
/** Compiled schemas kept (a few per operation the person tried). */
const MAX_COMPILED = 64

// ajv-formats is CommonJS; its default export arrives wrapped under ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv

/** Formats OpenAPI names that ajv-formats does not check (or that Zoom's files use loosely). */
const DESCRIPTIVE_FORMATS = ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password', 'email', 'uri', 'url', 'hostname', 'ipv4', 'ipv6', 'uuid']

/** ajv's `pattern` engine: RE2 (ajv passes the u flag; RE2 reads text as Unicode code points anyway). */
const LINEAR_REGEXP = Object.assign((pattern: string) => compileLinearPattern(pattern), { code: 'compileLinearPattern' })

function createAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, logger: false, code: { regExp: LINEAR_REGEXP } })
  addFormats(ajv)
  // Zoom's own answers do not always honour e-mail, URI and the like formats (an empty string
  // for "no e-mail"); only dates and times are checked, where a wrong value is a real mistake.
  for (const format of DESCRIPTIVE_FORMATS) ajv.addFormat(format, true)
  return ajv
}

/** OpenAPI 3.0 → JSON Schema: `nullable` as a null type, documentation keys left out. */
export function toJsonSchema(schema: unknown, depth = 0): unknown {
  if (depth > 64) return {}
  if (Array.isArray(schema)) return schema.map((s) => toJsonSchema(s, depth + 1))
  if (schema === null || typeof schema !== 'object') return schema
  const out: Json = {}
  for (const [key, value] of Object.entries(schema as Json)) {
    if (key === 'example' || key === 'examples' || key === 'description' || key === 'nullable' || key.startsWith('x-')) continue
    if (key === 'properties' && value !== null && typeof value === 'object') {
      out.properties = Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, toJsonSchema(v, depth + 1)]))
    } else if (key === 'enum' || key === 'required' || key === 'default' || key === 'const') out[key] = value
    else if (key === 'pattern') {
      if (isCheckablePattern(value)) out.pattern = value
    } else out[key] = toJsonSchema(value, depth + 1)
  }
  if ((schema as Json).nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null']
    if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null]
  }
  return out
}

/** Any character that makes a regular expression more than literal text. */
const REGEX_SYNTAX = /[\\^$.|?*+()[\]{}]/

/**
 * A `pattern` worth checking: a regular expression RE2 reads (as ajv compiles it). Zoom's files
 * also write a date format there as plain text (`YYYY-MM-DDTHH:MM:SSZ`, `yyyy-MM-dd HH:mm:ss`),
 * which every real date would fail; and one that does not compile (or needs lookaround or a
 * backreference, which RE2 cannot do in linear time) would make the whole schema unusable.
 */
function isCheckablePattern(pattern: unknown): pattern is string {
  return typeof pattern === 'string' && REGEX_SYNTAX.test(pattern) && linearPatternOrUndefined(pattern) !== undefined
}

const join = (path: string, key: string) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`)

/** ajv's `/settings/0/name` as `$.settings[0].name`. */
function jsonPath(instancePath: string): string {
  let path = '$'
  for (const raw of instancePath.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    path = /^\d+$/.test(key) ? `${path}[${key}]` : join(path, key)
  }
  return path
}

function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer'
  return typeof value
}

function valueAt(root: unknown, instancePath: string): unknown {
  let node = root
  for (const raw of instancePath.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Json)[key]
  }
  return node
}

const shown = (value: unknown) => (JSON.stringify(value) ?? String(value)).slice(0, 60)

/** One readable line per ajv error. */
function issueOf(error: ErrorObject, root: unknown): SchemaIssue {
  const path = jsonPath(error.instancePath)
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'required':
      return { path: join(path, String(params.missingProperty)), message: 'is required but missing' }
    case 'type':
      return { path, message: `expected ${Array.isArray(params.type) ? params.type.join(' or ') : String(params.type)}, got ${typeName(valueAt(root, error.instancePath))}` }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[] | undefined) ?? []
      return { path, message: `${shown(valueAt(root, error.instancePath))} is not one of ${allowed.slice(0, 8).map(shown).join(', ')}${allowed.length > 8 ? ', …' : ''}` }
    }
    case 'additionalProperties':
      return { path: join(path, String(params.additionalProperty)), message: 'is not in Zoom’s schema' }
    default:
      return { path, message: error.message ?? `fails ${error.keyword}` }
  }
}

export class SchemaChecker {
  private ajv: Ajv | undefined
  private readonly compiled = new Map<JsonSchema, ValidateFunction>()

  /** The differences between `value` and `schema`, at most MAX_SCHEMA_ISSUES; [] when it conforms. */
  check(value: unknown, schema: JsonSchema): SchemaIssue[] {
    const validate = this.validator(schema)
    if (validate(value)) return []
    const seen = new Set<string>()
    const issues: SchemaIssue[] = []
    for (const error of validate.errors ?? []) {
      const issue = issueOf(error, value)
      const key = `${issue.path}\n${issue.message}`
      if (seen.has(key)) continue
      seen.add(key)
      issues.push(issue)
      if (issues.length >= MAX_SCHEMA_ISSUES) break
    }
    return issues
  }

  private validator(schema: JsonSchema): ValidateFunction {
    let validate = this.compiled.get(schema)
    if (!validate) {
      this.ajv ??= createAjv()
      validate = this.ajv.compile(toJsonSchema(schema) as Json)
      // The oldest compiled schema goes first; Map keeps insertion order.
      if (this.compiled.size >= MAX_COMPILED) this.compiled.delete(this.compiled.keys().next().value as JsonSchema)
      this.compiled.set(schema, validate)
    }
    return validate
  }
}
