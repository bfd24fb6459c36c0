// The generic responder's building blocks: values shaped by their schema and name, and list ids
// that decode back to their position (and only for the list that gave them out).
import { describe, expect, it } from 'vitest'
import { IdCodec, idStyleOf, type IdStyle } from './api/generic/id-codec'
import { keyPropertyFor } from './api/generic/links'
import { notFoundResponse } from './api/generic/not-found'
import { generateObject, generateValue } from './api/generic/values'

const ctx = { seed: 9, anchorMs: Date.UTC(2026, 8, 16) }
const many = (schema: Record<string, unknown>, name: string, n = 200) => Array.from({ length: n }, (_, k) => generateValue(schema, k, name, ctx))

describe('generated values', () => {
  it('respect enum, minimum/maximum and maxLength/minLength', () => {
    expect(new Set(many({ type: 'string', enum: ['a', 'b'] }, 'status'))).toEqual(new Set(['a', 'b']))
    for (const n of many({ type: 'integer', minimum: 5, maximum: 7 }, 'count')) expect(n).toSatisfy((v: number) => Number.isInteger(v) && v >= 5 && v <= 7)
    for (const n of many({ type: 'number', exclusiveMinimum: 0, maximum: 1 }, 'ratio')) expect(n).toSatisfy((v: number) => v > 0 && v <= 1)
    for (const s of many({ type: 'string', maxLength: 4 }, 'code')) expect((s as string).length).toBeLessThanOrEqual(4)
    for (const s of many({ type: 'string', minLength: 12 }, 'code')) expect((s as string).length).toBeGreaterThanOrEqual(12)
  })

  it('follow the format and the name: e-mail, date-time, date, uuid, uri, phone number', () => {
    expect(generateValue({ type: 'string', format: 'email' }, 1, 'support', ctx)).toMatch(/^[a-z0-9.]+@sandbox\.example\.com$/)
    expect(generateValue({ type: 'string' }, 1, 'host_email', ctx)).toMatch(/@sandbox\.example\.com$/)
    expect(generateValue({ type: 'string', format: 'date-time' }, 1, 'created', ctx)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(generateValue({ type: 'string', format: 'date' }, 1, 'day', ctx)).toMatch(/^\d{4}-\d\d-\d\d$/)
    expect(generateValue({ type: 'string', format: 'uuid' }, 1, 'x', ctx)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    expect(generateValue({ type: 'string' }, 1, 'join_url', ctx)).toMatch(/^https:\/\/sandbox\.zoom\.us\//)
    expect(generateValue({ type: 'string' }, 1, 'phone_number', ctx)).toMatch(/^\+1\d{3}55501\d\d$/)
    expect(generateValue({ type: 'string', example: 'qMOLddnySIGGVycz8aX_JQ' }, 1, 'room_id', ctx)).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(generateValue({ type: 'string', example: '90bdda6c226f4f10a4b9a34be8d69f30' }, 1, 'tag_id', ctx)).toMatch(/^[0-9a-f]{32}$/)
    expect(generateValue({ type: 'integer', format: 'int64', example: 85746065432 }, 1, 'meeting_id', ctx)).toBeGreaterThan(1e10)
    // Codes keep the example's shape with other characters.
    const code = generateValue({ type: 'string', example: '1315-2376-2198-7926' }, 1, 'activation_code', ctx) as string
    expect(code).toMatch(/^\d{4}-\d{4}-\d{4}-\d{4}$/)
    expect(code).not.toBe('1315-2376-2198-7926')
  })

  it('are null now and then where nullable allows, never where the property is required', () => {
    const values = many({ type: 'string', nullable: true }, 'note', 400)
    expect(values.filter((v) => v === null).length).toBeGreaterThan(5)
    expect(values.filter((v) => v === null).length).toBeLessThan(80)
    const objects = Array.from({ length: 400 }, (_, k) => generateObject({ type: 'object', required: ['note'], properties: { note: { type: 'string', nullable: true } } }, k, ctx))
    expect(objects.every((o) => typeof o.note === 'string')).toBe(true)
  })

  it('are the same for the same entity and name wherever the property sits, and differ between entities', () => {
    const list = generateObject({ type: 'object', properties: { name: { type: 'string' } } }, 42, ctx)
    const detail = generateObject({ type: 'object', properties: { basic: { type: 'object', properties: { name: { type: 'string' } } } } }, 42, ctx)
    expect((detail.basic as { name: string }).name).toBe(list.name)
    expect(generateObject({ type: 'object', properties: { name: { type: 'string' } } }, 43, ctx).name).not.toBe(list.name)
    expect(generateObject({ type: 'object', properties: { name: { type: 'string' } } }, 42, { ...ctx, seed: 10 }).name).not.toBe(list.name)
  })

  it('take allOf parts together and one alternative of a oneOf', () => {
    const value = generateObject({ allOf: [{ type: 'object', properties: { a: { type: 'integer' } } }, { type: 'object', properties: { b: { type: 'boolean' } } }] }, 1, ctx)
    expect(Object.keys(value).sort()).toEqual(['a', 'b'])
    const one = generateObject({ oneOf: [{ type: 'object', properties: { a: { type: 'integer' } } }, { type: 'object', properties: { b: { type: 'boolean' } } }] }, 1, ctx)
    expect(Object.keys(one)).toEqual(['a'])
  })
})

describe('list ids', () => {
  const styles: IdStyle[] = [
    idStyleOf({ type: 'string', example: 'qMOLddnySIGGVycz8aX_JQ' }),
    idStyleOf({ type: 'string', example: '90bdda6c226f4f10a4b9a34be8d69f30' }),
    idStyleOf({ type: 'string', format: 'uuid' }),
    idStyleOf({ type: 'string', example: '6012345678901234567' }),
    idStyleOf({ type: 'integer', format: 'int64', example: 85746065432 }),
    idStyleOf({ type: 'integer', example: 12 }),
    idStyleOf({ type: 'string', format: 'email' }),
    idStyleOf({ type: 'string', enum: ['a', 'b', 'c'] }),
  ]

  it('are in the style of the example', () => {
    expect(styles.map((s) => s.kind)).toEqual(['b64', 'hex', 'hex', 'digits', 'int', 'small-int', 'email', 'enum'])
  })

  for (const style of styles) {
    it(`${JSON.stringify(style)}: decode to their position, and only for the list that gave them`, () => {
      const codec = new IdCodec(style, 3, 1001)
      const other = new IdCodec(style, 3, 1002)
      const count = style.kind === 'enum' ? 3 : 300
      const ids = Array.from({ length: count }, (_, k) => codec.encode(k))
      expect(new Set(ids).size).toBe(count)
      ids.forEach((id, k) => expect(codec.decode(String(id))).toBe(k))
      // Positional styles (small numbers, fixed keys) cannot tell lists apart; in the others an id
      // of another list is refused or lands far beyond any list's length.
      const accepted = (id: string | number) => (other.decode(String(id)) ?? Infinity) < count
      if (style.kind !== 'small-int' && style.kind !== 'enum') expect(ids.filter(accepted)).toEqual([])
      expect(codec.decode('nope')).toBeUndefined()
    })
  }
})

describe('links and 404s', () => {
  it('find the item property a parameter names', () => {
    expect(keyPropertyFor({ id: { type: 'string' }, room_id: { type: 'string' } }, 'roomId')).toBe('id')
    expect(keyPropertyFor({ queue_id: { type: 'string' }, name: { type: 'string' } }, 'queueId')).toBe('queue_id')
    expect(keyPropertyFor({ calendar_service_id: { type: 'string' } }, 'serviceId')).toBe('calendar_service_id')
    expect(keyPropertyFor({ template_id: { type: 'string' } }, 'queueTemplateId')).toBe('template_id')
    expect(keyPropertyFor({ name: { type: 'string' }, settings: { type: 'object' } }, 'thingId')).toBeUndefined()
  })

  it("fill the file's documented message with the value asked for", () => {
    const documented = [{ code: 300, message: 'Meeting ID does not exist.' }, { code: 3001, message: 'Meeting does not exist: {meetingId}' }]
    expect(JSON.parse(notFoundResponse(documented, 'meetingId', '42', false).json as string)).toEqual({ code: 3001, message: 'Meeting does not exist: 42' })
    expect(JSON.parse(notFoundResponse([{ code: 1204, message: 'Queue does not exist: $queueId.' }], 'queueId', 'q1', false).json as string)).toEqual({ code: 1204, message: 'Queue does not exist: q1.' })
    expect(JSON.parse(notFoundResponse(undefined, 'userId', 'u', true).json as string)).toEqual({ code: 1001, message: 'User does not exist: u.' })
  })
})

describe('people', () => {
  it('are named as people in lists of people, and their nested objects are not', () => {
    const schema = { type: 'object', properties: { name: { type: 'string', example: 'APITA AUTO' }, site: { type: 'object', properties: { name: { type: 'string', example: 'Main Site' } } } } }
    const member = generateObject(schema, 7, { ...ctx, person: true })
    expect(member.name).toMatch(/^[A-Z][\p{L}']+ [A-Z][\p{L}']+$/u)
    expect((member.site as { name: string }).name).toMatch(/^Main Site \d+$/)
    expect(generateObject(schema, 7, ctx).name).toMatch(/^APITA AUTO \d+$/)
  })
})
