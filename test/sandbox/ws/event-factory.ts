// Events the sandbox sends over its WebSocket, made from Zoom's own event files
// (../shared/zoom-openapi/webhooks, OpenAPI 3.1 `webhooks`): any of the 534 event types, each
// value derived from (seed, sequence number, path) so the same seed gives the same events.
// Where a schema gives an example that fits its constraints, the example is used (Zoom's own
// words); otherwise a value of the schema's type, enum and format. Every property is filled, so
// the events exercise the whole schema.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { hash2, hashString, idFrom, unit } from '../hash'
import { OPENAPI_DIR } from '../openapi'

export const WEBHOOKS_DIR = path.join(OPENAPI_DIR, 'webhooks')
export const WEBHOOKS_AVAILABLE = existsSync(path.join(WEBHOOKS_DIR, 'Meetings.json'))

type Json = Record<string, unknown>
interface EventSchema {
  schema: unknown
  root: unknown
}

let catalog: Map<string, EventSchema> | undefined

/** Every event type of the files, sorted (throws "not emulated" when the files are absent). */
export function eventTypes(): string[] {
  return [...load().keys()].sort()
}

function load(): Map<string, EventSchema> {
  if (catalog) return catalog
  if (!WEBHOOKS_AVAILABLE) throw new Error(`not emulated: the sandbox makes events from Zoom's event files, which are absent (${WEBHOOKS_DIR})`)
  catalog = new Map()
  for (const name of readdirSync(WEBHOOKS_DIR).filter((n) => n.endsWith('.json')).sort()) {
    const root = JSON.parse(readFileSync(path.join(WEBHOOKS_DIR, name), 'utf8')) as Json
    for (const [type, item] of Object.entries((root.webhooks ?? {}) as Json)) {
      const schema = (item as { post?: { requestBody?: { content?: Record<string, { schema?: unknown }> } } }).post?.requestBody?.content?.['application/json']?.schema
      if (schema !== undefined) catalog.set(type, { schema, root })
    }
  }
  return catalog
}

export interface GeneratedEventContext {
  seed: number
  /** The n-th event of this sandbox (makes each event different). */
  sequence: number
  accountId: string
  now: number
}

/** One event of `type`, as Zoom would deliver it: `{ event, event_ts, payload }`. */
export function generateEvent(type: string, context: GeneratedEventContext): Json {
  const found = load().get(type)
  if (!found) throw new Error(`not emulated: Zoom's event files have no event named ${type}`)
  const gen = new Generator(found.root, hash2(context.seed, context.sequence), context)
  const value = gen.value(found.schema, '') as Json
  // The envelope is what every Zoom event has; set it from the context, not from random values.
  value.event = type
  // Zoom sends event_ts in milliseconds; one file declares it a string, and the event follows its file.
  value.event_ts = typeof value.event_ts === 'string' ? String(context.now) : context.now
  const payload = value.payload
  if (payload !== null && typeof payload === 'object' && 'account_id' in (payload as Json)) (payload as Json).account_id = context.accountId
  return value
}

/** A type picked deterministically from (seed, n), for scheduled events. */
export function pickEventType(seed: number, n: number, among?: readonly string[]): string {
  const types = among && among.length > 0 ? among : eventTypes()
  return types[Math.floor(unit(hash2(seed ^ 0x5eed, n)) * types.length)] as string
}

class Generator {
  constructor(
    private readonly root: unknown,
    private readonly base: number,
    private readonly context: GeneratedEventContext,
  ) {}

  value(schemaIn: unknown, at: string, depth = 0): unknown {
    const schema = this.resolve(schemaIn)
    if (!isObject(schema) || depth > 24) return null
    const h = hashString(at, this.base)
    for (const key of ['anyOf', 'oneOf'] as const) {
      const options = schema[key]
      // An option inherits what the schema around it says (Zoom writes `type` outside, `format` inside).
      if (Array.isArray(options) && options.length > 0) {
        const { anyOf: _any, oneOf: _one, ...outer } = schema
        const option = this.resolve(options[h % options.length])
        return this.value(isObject(option) ? { ...outer, ...option } : outer, at, depth + 1)
      }
    }
    const declared = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type
    const type = declared ?? (isObject(schema.properties) ? 'object' : undefined)
    // Some of Zoom's files put the items' enum on the array itself: the array then holds one of them.
    if (Array.isArray(schema.enum) && schema.enum.length > 0) {
      const pick = schema.enum[h % schema.enum.length]
      return type === 'array' && !Array.isArray(pick) ? [pick] : pick
    }
    if ('example' in schema && fits(schema.example, schema, type)) return structuredClone(schema.example)
    switch (type) {
      case 'object': {
        const out: Json = {}
        const properties = isObject(schema.properties) ? schema.properties : {}
        for (const [key, child] of Object.entries(properties)) out[key] = this.value(child, `${at}.${key}`, depth + 1)
        // A few schemas require a field they do not describe: give it a string, the commonest type.
        if (Array.isArray(schema.required)) for (const key of schema.required) if (typeof key === 'string' && !(key in out)) out[key] = this.string({}, `${at}.${key}`, hashString(key, h))
        return out
      }
      case 'array':
        return schema.items === undefined ? [] : [this.value(schema.items, `${at}[0]`, depth + 1)]
      case 'integer':
      case 'number': {
        const min = typeof schema.minimum === 'number' ? schema.minimum : 0
        const max = typeof schema.maximum === 'number' ? schema.maximum : min + 100_000
        const n = min + Math.floor(unit(h) * (max - min + 1))
        return type === 'integer' ? Math.min(max, Math.trunc(n)) : n
      }
      case 'boolean':
        return (h & 1) === 1
      case 'string':
        return this.string(schema, at, h)
      default:
        return null
    }
  }

  private string(schema: Json, at: string, h: number): string {
    const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : 64
    const key = at.slice(at.lastIndexOf('.') + 1)
    let text: string
    if (schema.format === 'date-time') text = new Date(this.context.now - (h % 86_400) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
    else if (schema.format === 'date') text = new Date(this.context.now).toISOString().slice(0, 10)
    else if (schema.format === 'email' || /email/i.test(key)) text = `user${h % 1000}@example.com`
    else if (schema.format === 'uri' || /url$/i.test(key)) text = `https://example.com/${idFrom(this.base, h, 8)}`
    else if (/^(id|uuid|.*_id)$/.test(key)) text = idFrom(this.base, h, 22)
    else text = `${key || 'value'} ${idFrom(this.base, h, 6)}`
    if (typeof schema.pattern === 'string' && !safeTest(schema.pattern, text)) text = ''
    return text.slice(0, maxLength)
  }

  private resolve(schema: unknown, seen = 0): unknown {
    if (!isObject(schema) || typeof schema.$ref !== 'string' || seen > 16) return schema
    const ref = schema.$ref
    return this.resolve(pointer(this.root, ref) ?? pointer(this.root, ref.replace(/^#\/paths\//, '#/webhooks/')) ?? {}, seen + 1)
  }
}

function fits(example: unknown, schema: Json, type: unknown): boolean {
  if (example === undefined || example === null) return false
  switch (type) {
    case 'string':
      return typeof example === 'string' && (typeof schema.maxLength !== 'number' || example.length <= schema.maxLength) && (typeof schema.pattern !== 'string' || safeTest(schema.pattern, example))
    case 'integer':
      return typeof example === 'number' && Number.isInteger(example) && inRange(example, schema)
    case 'number':
      return typeof example === 'number' && inRange(example, schema)
    case 'boolean':
      return typeof example === 'boolean'
    default:
      // Objects and arrays are built from their properties, so every nested rule is honoured.
      return false
  }
}

const inRange = (n: number, schema: Json) => (typeof schema.minimum !== 'number' || n >= schema.minimum) && (typeof schema.maximum !== 'number' || n <= schema.maximum)

function safeTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text)
  } catch {
    return true
  }
}

function pointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined
  let node: unknown = root
  for (const raw of ref.slice(2).split('/')) {
    if (!isObject(node)) return undefined
    node = node[raw.replace(/~1/g, '/').replace(/~0/g, '~')]
  }
  return node
}

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value)
