// Values generated from a response schema of Zoom's files: deterministic for a seed and an
// entity, and shaped as the schema says (type, enum, format, minimum/maximum, length, pattern,
// nullable) and as the property's name suggests (e-mails, dates, ids, phone numbers, names).
//
// A property's value depends on the entity's key and the property's *name*, not on where it
// sits: the `name` of a room in `/rooms` and the `basic.name` of the same room in
// `/rooms/{roomId}` are the same text, so a list and its detail agree.
import { isoDate, isoSeconds, DAY_MS } from '../../clock'
import { between, hash2, hash3, hashString, pick, unit } from '../../hash'
import { EMAIL_DOMAIN } from '../../data/users'
import { DEPARTMENTS, FIRST_NAMES, JOB_TITLES, LANGUAGES, LAST_NAMES, LOCATIONS, MEETING_TOPICS, TIME_ZONES } from '../../data/vocabulary'
import type { JsonSchema } from '../../../../common/zoom/api/types'
import { idFromHash, idStyleOf } from './id-codec'

export interface ValueContext {
  seed: number
  /** UTC midnight dates are spread around. */
  anchorMs: number
  /** The object is a person (a member, agent, user, …): its `name` is a person's name. */
  person?: boolean
}

const PEOPLE = /member|user|agent|participant|supervisor|admin|assistant|contact|attendee|speaker|registrant|panelist|host|delegate|interpreter|people|employee/

/** Whether the rows of a list under `listKey` are people. */
export function holdsPeople(listKey: string): boolean {
  return PEOPLE.test(listKey)
}

type Json = Record<string, unknown>

const MAX_DEPTH = 12
const NULL_SHARE = 0.08
const WORDS = ['Alpha', 'Harbor', 'Summit', 'Cedar', 'Nimbus', 'Atlas', 'Beacon', 'Orbit', 'Maple', 'Vertex', 'Aurora', 'Pioneer']
const COUNTRIES = ['US', 'GB', 'DE', 'JP', 'IN', 'BR', 'FR', 'AU', 'CA', 'SG']
const PERSON_NAME = /(^|_)(display|user|caller|callee|host|owner|agent|full|contact|member|creator|sender|assignee|operator|participant|speaker|attendee|supervisor|manager|modified_by|created_by)_name$/

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

const effective = new WeakMap<JsonSchema, JsonSchema>()

/** The schemas of an `allOf` merged, and the first alternative of a `oneOf`/`anyOf` taken (memoised per schema object). */
export function effectiveSchema(schema: JsonSchema): JsonSchema {
  let merged = effective.get(schema)
  if (merged === undefined) {
    merged = mergeSchema(schema)
    effective.set(schema, merged)
  }
  return merged
}

/** The first alternative a value of the schema's own type can take (a few of Zoom's schemas offer others). */
function alternativeOf(schema: JsonSchema): JsonSchema | undefined {
  const alternatives = (['oneOf', 'anyOf'] as const).map((key) => schema[key]).find((v) => Array.isArray(v) && v.length > 0) as JsonSchema[] | undefined
  if (alternatives === undefined) return undefined
  const own = typeof schema.type === 'string' ? schema.type.toLowerCase() : undefined
  return alternatives.find((a) => own === undefined || typeof a.type !== 'string' || a.type.toLowerCase() === own) ?? alternatives[0]
}

function mergeSchema(schema: JsonSchema): JsonSchema {
  const alternative = alternativeOf(schema)
  const parts = [...(Array.isArray(schema.allOf) ? (schema.allOf as JsonSchema[]) : []), ...(alternative ? [alternative] : [])]
  if (parts.length === 0) return schema
  const merged: Json = { ...schema }
  delete merged.allOf
  delete merged.oneOf
  delete merged.anyOf
  const properties: Json = {}
  const required: string[] = []
  for (const part of parts.map(effectiveSchema)) {
    if (isObject(part.properties)) Object.assign(properties, part.properties)
    if (Array.isArray(part.required)) required.push(...(part.required as string[]))
    for (const [key, value] of Object.entries(part)) if (!(key in merged) && key !== 'properties' && key !== 'required') merged[key] = value
  }
  if (isObject(schema.properties)) Object.assign(properties, schema.properties)
  if (Array.isArray(schema.required)) required.push(...(schema.required as string[]))
  if (Object.keys(properties).length > 0) {
    merged.properties = properties
    merged.type ??= 'object'
  }
  if (required.length > 0) merged.required = required
  return merged
}

/** The key a property's value is drawn from: the seed, the entity's key and the property's name. */
function propertyKey(seed: number, entity: number, name: string): number {
  return hash3(seed, entity, hashString(name))
}

/**
 * A value for `schema`; `entity` keys the object it belongs to, `name` is the property's name.
 * Only a property the schema does not require may be null (where `nullable` allows it).
 */
export function generateValue(schema: JsonSchema, entity: number, name: string, ctx: ValueContext, depth = 0, required = false): unknown {
  const s = effectiveSchema(schema)
  const h = propertyKey(ctx.seed, entity, name)
  if (s.nullable === true && !required && unit(hash2(h, 0x4e55)) < NULL_SHARE) return null
  // A few of Zoom's schemas write "Integer" or "String".
  const type = typeof s.type === 'string' ? s.type.toLowerCase() : isObject(s.properties) ? 'object' : isObject(s.items) ? 'array' : 'string'
  if (Array.isArray(s.enum) && s.enum.length > 0) {
    // Some arrays carry their items' enum on themselves: their items are taken from it.
    if (type === 'array') return depth >= MAX_DEPTH ? [] : generateArray({ ...s, enum: undefined, items: { ...(isObject(s.items) ? s.items : {}), enum: s.enum } }, entity, name, ctx, depth + 1)
    const options = s.enum.filter((v) => v !== null)
    return options.length > 0 ? pick(options, h) : null
  }
  switch (type) {
    case 'object':
      // A person's nested objects (their site, their plan) are no people.
      return depth >= MAX_DEPTH ? {} : generateObject(s, entity, ctx.person === true ? { ...ctx, person: false } : ctx, depth + 1)
    case 'array':
      return depth >= MAX_DEPTH ? [] : generateArray(s, entity, name, ctx, depth + 1)
    case 'integer':
    case 'number':
      return generateNumber(s, h, name, type === 'integer', ctx)
    case 'boolean':
      return (h & 1) === 1
    default:
      return generateString(s, h, name, ctx)
  }
}

/** Every declared property (those only sent in requests left out), keyed by the same entity. */
export function generateObject(schema: JsonSchema, entity: number, ctx: ValueContext, depth = 0): Json {
  const s = effectiveSchema(schema)
  const out: Json = {}
  const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : [])
  const properties = isObject(s.properties) ? (s.properties as Record<string, JsonSchema>) : {}
  for (const [name, property] of Object.entries(properties)) {
    if (!isObject(property) || property.writeOnly === true) continue
    out[name] = generateValue(property, entity, name, ctx, depth, required.has(name))
  }
  // Some of Zoom's schemas require a field under another name than they declare it
  // (`end_date` beside `campaign_end_date`): a required field is sent all the same.
  for (const name of required) if (!(name in out)) out[name] = generateValue({}, entity, name, ctx, depth, true)
  return out
}

function generateArray(s: JsonSchema, entity: number, name: string, ctx: ValueContext, depth: number): unknown[] {
  const items = isObject(s.items) ? (s.items as JsonSchema) : {}
  const min = typeof s.minItems === 'number' ? s.minItems : 0
  const max = Math.max(min, Math.min(typeof s.maxItems === 'number' ? s.maxItems : 3, 3))
  const count = between(propertyKey(ctx.seed, entity, `${name}#n`), Math.min(Math.max(min, 1), max), max)
  const out: unknown[] = []
  const seen = new Set<string>()
  for (let i = 0; i < count; i++) {
    // Each element is an entity of its own; a scalar element is keyed by its position.
    const element = hash3(entity, hashString(name), i)
    const value = generateValue(items, element, name, ctx, depth)
    if (s.uniqueItems === true || Array.isArray(effectiveSchema(items).enum)) {
      const text = JSON.stringify(value)
      if (seen.has(text)) continue
      seen.add(text)
    }
    out.push(value)
  }
  return out
}

function bounds(s: JsonSchema, fallbackMin: number, fallbackMax: number, integer: boolean): [number, number] {
  let min = typeof s.minimum === 'number' ? s.minimum : fallbackMin
  let max = typeof s.maximum === 'number' ? s.maximum : fallbackMax
  if (typeof s.exclusiveMinimum === 'number') min = Math.max(min, s.exclusiveMinimum + (integer ? 1 : 0.01))
  else if (s.exclusiveMinimum === true) min += integer ? 1 : 0.01
  if (typeof s.exclusiveMaximum === 'number') max = Math.min(max, s.exclusiveMaximum - (integer ? 1 : 0.01))
  else if (s.exclusiveMaximum === true) max -= integer ? 1 : 0.01
  // A declared bound outside the name's usual range wins over the usual range.
  if (min > max) {
    if (typeof s.minimum === 'number' || typeof s.exclusiveMinimum === 'number') max = Math.max(min, typeof s.maximum === 'number' ? s.maximum : min + fallbackMax - fallbackMin)
    else min = max - (fallbackMax - fallbackMin)
  }
  return [min, max]
}

function generateNumber(s: JsonSchema, h: number, name: string, integer: boolean, ctx: ValueContext): number {
  const n = name.toLowerCase()
  let range: [number, number] = [0, 1000]
  if (n === 'id' || n.endsWith('_id') || n.endsWith('id')) {
    const style = idStyleOf(s)
    const id = idFromHash(style, ctx.seed, h)
    if (typeof id === 'number' && (typeof s.maximum !== 'number' || id <= s.maximum)) return id
  }
  if (/count|total|number_of|size|num$|quantity/.test(n)) range = [0, 250]
  else if (/duration|minutes|seconds|length/.test(n)) range = [1, 240]
  else if (n === 'year') range = [new Date(ctx.anchorMs).getUTCFullYear() - 1, new Date(ctx.anchorMs).getUTCFullYear()]
  else if (n === 'month') range = [1, 12]
  else if (/percent|rate|score|ratio/.test(n)) range = [0, 100]
  else if (n === 'port') range = [1024, 65_535]
  else if (/time|_ts$|timestamp/.test(n) && (s.format === 'int64' || n.includes('stamp'))) range = [Math.floor((ctx.anchorMs - 180 * DAY_MS) / 1000), Math.floor(ctx.anchorMs / 1000)]
  const [min, max] = bounds(s, range[0], range[1], integer)
  if (integer) {
    const lo = Math.ceil(min)
    const hi = Math.floor(max)
    const value = hi < lo ? lo : lo + (h % (hi - lo + 1))
    const step = typeof s.multipleOf === 'number' && Number.isInteger(s.multipleOf) && s.multipleOf > 0 ? s.multipleOf : 1
    return Math.min(hi, Math.ceil(value / step) * step)
  }
  return Math.round((min + unit(h) * (max - min)) * 100) / 100
}

/** A text of the example's shape: digits, lower- and upper-case letters replaced in kind. */
function sameShape(example: string, h: number): string {
  let out = ''
  for (let i = 0; i < example.length; i++) {
    const c = example[i]!
    const r = hash2(h, i)
    if (c >= '0' && c <= '9') out += String(r % 10)
    else if (c >= 'a' && c <= 'z') out += String.fromCharCode(97 + (r % 26))
    else if (c >= 'A' && c <= 'Z') out += String.fromCharCode(65 + (r % 26))
    else out += c
  }
  return out
}

function person(h: number): [string, string] {
  return [pick(FIRST_NAMES, h), pick(LAST_NAMES, hash2(h, 0x1a57))]
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

function slug(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/[^a-z0-9]/g, '')
}

function phoneNumber(h: number): string {
  // US numbers in the 555-01xx block that is reserved for fiction.
  return `+1${between(h, 201, 989)}55501${String(h % 100).padStart(2, '0')}`
}

function looksLikeWords(text: string): boolean {
  return /^[A-Za-z][A-Za-z '&,.()-]{2,60}$/.test(text) && text.includes(' ')
}

function rawString(s: JsonSchema, h: number, name: string, ctx: ValueContext): string {
  const n = name.toLowerCase()
  const example = typeof s.example === 'string' ? s.example : undefined
  const format = typeof s.format === 'string' ? s.format : undefined
  const spread = between(hash2(h, 0xda7e), -180, 30) * DAY_MS + between(hash2(h, 0x7133), 0, 86_399) * 1000
  if (format === 'date-time' || (format === undefined && example !== undefined && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(example))) return isoSeconds(ctx.anchorMs + spread)
  if (format === 'date' || (format === undefined && example !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(example))) return isoDate(ctx.anchorMs + spread)
  // RFC 3339 full-time, as the format means (Zoom's examples write "09:00").
  if (format === 'time') return `${String(between(h, 7, 19)).padStart(2, '0')}:${h % 2 === 0 ? '00' : '30'}:00Z`
  if (format === 'email' || n.endsWith('email') || n.endsWith('email_address')) {
    const [first, last] = person(h)
    return `${slug(first)}.${slug(last)}.${h % 1000}@${EMAIL_DOMAIN}`
  }
  if (format === 'uuid') return String(idFromHash({ kind: 'hex', uuid: true, upper: false }, ctx.seed, h))
  if (format === 'uri' || format === 'url' || /(^|_)(url|uri|link)$/.test(n)) return `https://sandbox.zoom.us/${n.replace(/_?(url|uri|link)$/, '') || 'r'}/${idFromHash({ kind: 'b64', length: 22 }, ctx.seed, h)}`
  if (format === 'ipv4' || /(^|_)ip(_address)?$/.test(n)) return `10.${h & 255}.${(h >>> 8) & 255}.${(h >>> 16) & 255}`
  if (n === 'id' || n.endsWith('_id') || /[a-z]Id$/.test(name)) return String(idFromHash(idStyleOf(s), ctx.seed, h))
  if (/(^|_)(phone|phone_number|mobile|fax|fax_number|caller_number|callee_number|did_number|number)$/.test(n) && (example === undefined || /^[+\d][\d\s()-]*$/.test(example))) return phoneNumber(h)
  if (n === 'first_name') return person(h)[0]
  if (n === 'last_name') return person(h)[1]
  if (PERSON_NAME.test(n) || (ctx.person === true && (n === 'name' || n === 'display_name'))) return person(h).join(' ')
  if (n.includes('timezone') || n.includes('time_zone')) return pick(TIME_ZONES, h)
  if (n === 'language' || n === 'locale' || n.endsWith('_language')) return pick(LANGUAGES, h)
  if (n.includes('country') && (example === undefined || /^[A-Z]{2}$/.test(example))) return pick(COUNTRIES, h)
  if (n === 'dept' || n === 'department') return pick(DEPARTMENTS, h)
  if (n === 'job_title') return pick(JOB_TITLES, h)
  if (n === 'location' || n === 'city') return pick(LOCATIONS, h)
  if (n === 'topic' || n === 'agenda') return pick(MEETING_TOPICS, h)
  if (n.includes('color') || n.includes('colour')) return `#${(h & 0xffffff).toString(16).padStart(6, '0')}`
  const isName = n === 'name' || n.endsWith('_name') || n === 'title'
  // Prose keeps its words; codes and tokens keep their shape with new characters.
  if (example !== undefined && looksLikeWords(example)) return `${example} ${1 + (h % 99)}`
  if (isName) return `${capitalised(n.replace(/_?(name|title)$/, '').split('_').pop() || pick(WORDS, hash2(h, 0x12)))} ${pick(WORDS, h)} ${pick(LOCATIONS, hash2(h, 0x11))}`
  if (example !== undefined && example !== '') return sameShape(example, h)
  return `${pick(WORDS, h).toLowerCase()}-${(h % 10_000).toString(36)}`
}

function generateString(s: JsonSchema, h: number, name: string, ctx: ValueContext): string {
  let text = rawString(s, h, name, ctx)
  const pattern = typeof s.pattern === 'string' ? safeRegExp(s.pattern) : undefined
  if (pattern && !pattern.test(text) && typeof s.example === 'string' && pattern.test(s.example)) text = s.example
  const max = typeof s.maxLength === 'number' ? s.maxLength : undefined
  const min = typeof s.minLength === 'number' ? s.minLength : 0
  if (max !== undefined && text.length > max) text = text.slice(0, max)
  if (text.length < min) text = text.padEnd(min, 'x')
  return text
}

const patterns = new Map<string, RegExp | undefined>()

function safeRegExp(source: string): RegExp | undefined {
  if (!patterns.has(source)) {
    let re: RegExp | undefined
    try {
      re = new RegExp(source, 'u')
    } catch {
      re = undefined
    }
    patterns.set(source, re)
  }
  return patterns.get(source)
}
