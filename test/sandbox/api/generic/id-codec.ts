// Identifiers in the style Zoom's files show for a field (their `example`): 22-character
// base64url ids (users, rooms, phone objects), 32-digit hex (tags, contact-center objects), UUIDs,
// long digit strings, int64 numbers (meetings, webinars). The ids of list items also decode back
// to their position, so a child path (`/rooms/{roomId}/devices`) can tell an id its parent list
// gave out from an unknown one without keeping a table.
import { hash2, hash3, idFrom } from '../../hash'
import { IndexIds, scramble, unscramble } from '../../ids'
import type { JsonSchema } from '../../../../common/zoom/api/types'

export type IdStyle =
  | { kind: 'b64'; length: number }
  /** Ids that are e-mail addresses (calendars): a base64url local part. */
  | { kind: 'email' }
  | { kind: 'hex'; uuid: boolean; upper: boolean }
  | { kind: 'digits'; length: number }
  | { kind: 'int'; digits: number }
  /** Numbers too small to hide a position in: 1, 2, 3, … */
  | { kind: 'small-int' }
  /** Ids from a fixed set (settings named by key): the k-th item has the k-th value. */
  | { kind: 'enum'; values: readonly (string | number)[] }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const HEX32 = /^[0-9a-f]{32}$/i
const B64 = /^[A-Za-z0-9_-]{8,64}$/

/** The style of an id field, read from its schema and example; 22-character base64url by default. */
export function idStyleOf(schema: JsonSchema): IdStyle {
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return { kind: 'enum', values: schema.enum.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number') }
  const example = schema.example
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity
  if (schema.type === 'integer' || schema.type === 'number') {
    const maximum = typeof schema.maximum === 'number' ? schema.maximum : Infinity
    const digits = typeof example === 'number' ? String(Math.trunc(Math.abs(example))).length : 11
    if (schema.format === 'int32' || maximum < 1e10 || digits < 8) return { kind: 'small-int' }
    return { kind: 'int', digits: Math.min(Math.max(digits, 11), 15) }
  }
  if (schema.format === 'email') return { kind: 'email' }
  if (schema.format === 'uuid' || (typeof example === 'string' && UUID.test(example))) {
    return { kind: 'hex', uuid: true, upper: typeof example === 'string' && example !== example.toLowerCase() }
  }
  if (typeof example === 'string') {
    if (HEX32.test(example)) return { kind: 'hex', uuid: false, upper: example !== example.toLowerCase() && /[A-F]/.test(example) }
    if (/^\d{10,24}$/.test(example)) return { kind: 'digits', length: example.length }
    if (B64.test(example) && /[A-Za-z]/.test(example)) return { kind: 'b64', length: Math.min(example.length, maxLength) }
  }
  return { kind: 'b64', length: Math.min(22, maxLength) }
}

const ID_EMAIL_DOMAIN = 'group.sandbox.example.com'
const HEX = '0123456789abcdef'

function hexOf(seed: number, key: number, length: number): string {
  let out = ''
  let h = 0
  for (let i = 0; i < length; i++) {
    if (i % 7 === 0) h = hash3(seed, key, i)
    out += HEX[h & 15]
    h >>>= 4
  }
  return out
}

function asUuid(hex32: string): string {
  // Version 4, RFC 4122 variant: what a UUID from Zoom's servers looks like.
  const h = `${hex32.slice(0, 12)}4${hex32.slice(13, 16)}a${hex32.slice(17)}`
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

function digitsOf(seed: number, key: number, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += String(hash3(seed, key, i) % 10)
  return out
}

/** An id in `style` from a hash: values that need not decode (references, nested objects). */
export function idFromHash(style: IdStyle, seed: number, h: number): string | number {
  switch (style.kind) {
    case 'b64':
      return idFrom(seed, h, style.length)
    case 'email':
      return `${idFrom(seed, h, 16)}@${ID_EMAIL_DOMAIN}`
    case 'hex': {
      const hex = hexOf(seed, h, 32)
      const text = style.uuid ? asUuid(hex) : hex
      return style.upper ? text.toUpperCase() : text
    }
    case 'digits':
      return `${1 + (hash2(seed, h) % 9)}${digitsOf(seed, h, style.length - 1)}`
    case 'int':
      return 10 ** (style.digits - 1) + (hash2(seed, h) % 1e9) * 10 + (h % 10)
    case 'small-int':
      return 1 + (hash2(seed, h) % 100_000)
    case 'enum':
      return style.values[h % style.values.length]!
  }
}

/**
 * The ids of one list's items: `encode(k)` for the k-th item, `decode(id)` back to k (undefined
 * for anything this list did not give out). `salt` identifies the list and its parent's values.
 */
export class IdCodec {
  private readonly key: number
  private readonly b64: IndexIds | undefined

  constructor(readonly style: IdStyle, private readonly seed: number, private readonly salt: number) {
    this.key = hash2(seed, salt)
    this.b64 = style.kind === 'b64' || style.kind === 'email' ? new IndexIds(seed, salt, style.kind === 'b64' ? Math.max(style.length - 6, 2) : 16) : undefined
  }

  encode(k: number): string | number {
    const x = scramble(k, this.key)
    const style = this.style
    switch (style.kind) {
      case 'b64':
        return this.b64!.encode(k)
      case 'email':
        return `${this.b64!.encode(k)}@${ID_EMAIL_DOMAIN}`
      case 'hex': {
        const hex = hexOf(this.seed, hash2(this.salt, k), 24) + x.toString(16).padStart(8, '0')
        const text = style.uuid ? asUuid(hex) : hex
        return style.upper ? text.toUpperCase() : text
      }
      case 'digits': {
        const length = Math.max(style.length, 11)
        return `${1 + (hash2(this.salt, k) % 9)}${digitsOf(this.seed, hash2(this.salt, k), length - 11)}${String(x).padStart(10, '0')}`
      }
      case 'int':
        return 10 ** (style.digits - 1) + x
      case 'small-int':
        return k + 1
      case 'enum':
        return style.values[k % style.values.length]!
    }
  }

  decode(id: string): number | undefined {
    const style = this.style
    let k: number | undefined
    switch (style.kind) {
      case 'b64':
        k = this.b64!.decode(id)
        break
      case 'email':
        k = id.endsWith(`@${ID_EMAIL_DOMAIN}`) ? this.b64!.decode(id.slice(0, -ID_EMAIL_DOMAIN.length - 1)) : undefined
        break
      case 'hex': {
        const hex = id.replaceAll('-', '')
        if (hex.length !== 32 || !/^[0-9a-f]+$/i.test(hex)) return undefined
        k = unscramble(parseInt(hex.slice(24), 16), this.key)
        break
      }
      case 'digits':
        if (!/^\d{11,24}$/.test(id)) return undefined
        k = unscramble(Number(id.slice(-10)), this.key)
        break
      case 'int': {
        if (!/^\d{1,16}$/.test(id)) return undefined
        const x = Number(id) - 10 ** (style.digits - 1)
        if (x < 0 || x > 0xffffffff) return undefined
        k = unscramble(x, this.key)
        break
      }
      case 'small-int':
        k = /^[1-9]\d{0,8}$/.test(id) ? Number(id) - 1 : undefined
        break
      case 'enum': {
        const index = style.values.map(String).indexOf(id)
        k = index < 0 ? undefined : index
        break
      }
    }
    // Only an id this codec would write for k is one of its ids.
    return k !== undefined && String(this.encode(k)) === id ? k : undefined
  }
}
