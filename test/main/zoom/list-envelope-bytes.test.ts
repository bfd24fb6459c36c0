// The byte scan of a list page must read every page as JSON.parse and readListEnvelope do: the
// same paging fields, the same list key, as many rows, and the same refusals.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isAppError } from '../../../common/errors'
import { readListEnvelope } from '../../../main/zoom/list-envelope'
import { scanListEnvelope } from '../../../main/zoom/list-envelope-bytes'

const KEYS = ['call_logs', 'logs']
const bytesOf = (text: string) => new TextEncoder().encode(text)

/** What readListEnvelope makes of the parsed text, in the scan's terms (with the rows themselves). */
function parsedReading(text: string) {
  const { envelope, rows } = readListEnvelope(JSON.parse(text), KEYS)
  const listKey = KEYS.find((key) => envelope[key] !== undefined && envelope[key] !== null)
  const rest = Object.fromEntries(Object.entries(envelope).filter(([key]) => !KEYS.includes(key)))
  return { envelope: rest, listKey, rows: rows.length, items: rows }
}

/** The scan's reading, each row parsed alone from the bytes between its bounds. */
function scannedReading(bytes: Uint8Array) {
  const { bounds, ...reading } = scanListEnvelope(bytes, KEYS)
  const items = Array.from({ length: reading.rows }, (_, r) => JSON.parse(new TextDecoder().decode(bytes.subarray(bounds[2 * r], bounds[2 * r + 1]))) as unknown)
  return { ...reading, items }
}

// Strings that look like structure: quotes, escapes, brackets and commas inside values and keys.
const tricky = fc.constantFrom('"', '\\', '\\"', '],"x":[', '{', '}', ',', '\u2028', 'é', '😀', '\\u0022', '"call_logs":[1]', '')
const text = fc.oneof(fc.string(), tricky, fc.tuple(fc.string(), tricky, fc.string()).map((parts) => parts.join('')))
// Member names JSON writes without escapes. Node 24's JSON.parse (the reference here) can misread an
// escaped member name after it has parsed another one (V8's key cache: nodejs/node#63785), which
// would fail this test on the reference's mistake; escaped names are read alone by the scan (one
// JSON string each), and the cases below pin them.
const name = text.filter((key) => [...key].every((c) => c !== '"' && c !== '\\' && c >= ' ' && !/[\ud800-\udfff]/.test(c)))
const value = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    text,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(name, tie('value'), { maxKeys: 4 }),
  ),
})).value
const page = fc.record(
  {
    next_page_token: text,
    total_records: fc.integer({ min: 0 }),
    page_size: fc.integer({ min: 1, max: 300 }),
    call_logs: fc.oneof(fc.array(value, { maxLength: 20 }), fc.constant(null)),
    logs: fc.array(value, { maxLength: 5 }),
    other: value,
  },
  { requiredKeys: [] },
)
const indent = fc.constantFrom(undefined, 0, 1, 2, '\t')

describe('scanListEnvelope', () => {
  it('reads any page as JSON.parse and readListEnvelope do', () => {
    fc.assert(
      fc.property(page, fc.dictionary(name, value, { maxKeys: 3 }), indent, (members, extra, space) => {
        const json = JSON.stringify({ ...extra, ...members }, null, space)
        expect(scannedReading(bytesOf(json))).toEqual(parsedReading(json))
      }),
      { numRuns: 400 },
    )
  })

  it('reads pages written by hand as JSON.parse does: whitespace anywhere, odd numbers, __proto__ and list keys given twice', () => {
    const space = fc.array(fc.constantFrom(' ', '\n', '\r', '\t'), { maxLength: 2 }).map((chars) => chars.join(''))
    // Names without escapes (see `name` above); the structural ones are what matters here.
    const member = fc.oneof(fc.constantFrom('call_logs', 'logs', '__proto__', 'next_page_token', 'é'), name)
    const scalar = fc.oneof(
      fc.constantFrom('"\\\\"', '"\\""', '"]"', '"\\u0022"', '"x,y"', '""', '"😀"', '0', '-0', '1e400', '123456789012345678901234567890', '1.5E-3', 'null', 'true', 'false'),
      text.map((t) => JSON.stringify(t)),
    )
    const written = fc.letrec<{ value: string }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        scalar,
        fc.tuple(space, fc.array(fc.tuple(space, tie('value'), space), { maxLength: 3 })).map(([w, items]) => `[${w}${items.map(([a, v, b]) => a + v + b).join(',')}]`),
        fc.array(fc.tuple(space, member, space, space, tie('value'), space), { maxLength: 3 }).map((members) => `{${members.map(([a, k, b, c, v, d]) => `${a}${JSON.stringify(k)}${b}:${c}${v}${d}`).join(',')}}`),
      ),
    })).value
    const pageText = fc
      .tuple(space, fc.array(fc.tuple(space, member, space, space, written, space), { maxLength: 5 }), space)
      .map(([a, members, z]) => `${a}{${members.map(([w, k, b, c, v, d]) => `${w}${JSON.stringify(k)}${b}:${c}${v}${d}`).join(',')}}${z}`)
    fc.assert(
      fc.property(pageText, (json) => {
        let expected: ReturnType<typeof parsedReading> | undefined
        try {
          expected = parsedReading(json)
        } catch (error) {
          if (error instanceof SyntaxError) return
          expect(() => scanListEnvelope(bytesOf(json), KEYS)).toThrow((error as Error).message)
          return
        }
        expect(scannedReading(bytesOf(json))).toStrictEqual(expected)
      }),
      { numRuns: 2000 },
    )
  })

  it('reads a member given twice as JSON.parse does: the last one counts', () => {
    const json = '{"call_logs":[1,2,3],"next_page_token":"a","call_logs":[4],"next_page_token":"b"}'
    expect(scannedReading(bytesOf(json))).toEqual({ envelope: { next_page_token: 'b' }, listKey: 'call_logs', rows: 1, items: [4] })
    expect(parsedReading(json)).toEqual(scannedReading(bytesOf(json)))
  })

  it('reads a member named __proto__ as JSON.parse does: a member of its own, not the paging fields', () => {
    const json = '{"__proto__":{"next_page_token":"more","page_count":9,"total_records":5},"call_logs":[1]}'
    const scanned = scanListEnvelope(bytesOf(json), KEYS)
    expect(scanned.envelope.next_page_token).toBeUndefined()
    expect(scanned.envelope.total_records).toBeUndefined()
    expect(Object.getPrototypeOf(scanned.envelope)).toBe(Object.prototype)
    expect(scannedReading(bytesOf(json))).toEqual(parsedReading(json))
  })

  it('reads member names written with escapes, each alone', () => {
    const json = JSON.stringify({ '"': 1, '\\': 2, '\n': 3, 'é\u2028': 4, '],"call_logs":[': 5, call_logs: [{ '\\"': '"' }] })
    expect(scannedReading(bytesOf(json))).toEqual({ envelope: { '"': 1, '\\': 2, '\n': 3, 'é\u2028': 4, '],"call_logs":[': 5 }, listKey: 'call_logs', rows: 1, items: [{ '\\"': '"' }] })
  })

  it('takes the next key when the first is null, and no rows when none is there', () => {
    expect(scannedReading(bytesOf('{"call_logs":null,"logs":[{"a":"]"} , {} ]}'))).toMatchObject({ listKey: 'logs', rows: 2, items: [{ a: ']' }, {}] })
    expect(scannedReading(bytesOf(' {"total_records":0} '))).toEqual({ envelope: { total_records: 0 }, listKey: undefined, rows: 0, items: [] })
    expect(scannedReading(bytesOf('{}'))).toEqual({ envelope: {}, listKey: undefined, rows: 0, items: [] })
    expect(scannedReading(bytesOf('{"call_logs":[ ]}'))).toEqual({ envelope: {}, listKey: 'call_logs', rows: 0, items: [] })
  })

  it('refuses what readListEnvelope refuses, with its words', () => {
    for (const json of ['[]', '"call_logs"', '12', 'null', '{"call_logs":{"a":1}}', '{"call_logs":"[1,2]"}', '{"call_logs":7}', '{"call_logs":[1,,2]}', '{"call_logs":[,1]}', '{"call_logs":[1,]}', '{"call_logs":[1 2]}']) {
      let expected: unknown
      try {
        parsedReading(json)
      } catch (error) {
        expected = error
      }
      // Not JSON at all, or refused by readListEnvelope with words the scan gives too.
      if (expected instanceof SyntaxError) expect(() => scannedReading(bytesOf(json)), json).toThrow()
      else {
        expect(expected, json).toMatchObject({ code: 'ZOOM_RESPONSE_INVALID' })
        expect(() => scanListEnvelope(bytesOf(json), KEYS), json).toThrow((expected as Error).message)
      }
    }
  })

  it('never accepts a broken page that JSON.parse reads differently, and refuses only with a typed error', () => {
    fc.assert(
      fc.property(page, fc.nat(), fc.integer({ min: 0, max: 127 }), fc.boolean(), (members, at, byte, truncate) => {
        const whole = bytesOf(JSON.stringify(members))
        const place = at % whole.length
        const broken = truncate ? whole.slice(0, place) : Uint8Array.from(whole, (b, i) => (i === place ? byte : b))
        const decoded = new TextDecoder().decode(broken)
        let scanned: ReturnType<typeof scannedReading> | undefined
        try {
          scanned = scannedReading(broken)
        } catch (error) {
          // The scan refuses with a typed error; a row that is not JSON fails its own parse (the worker's).
          expect((isAppError(error) && error.code === 'ZOOM_RESPONSE_INVALID') || error instanceof SyntaxError).toBe(true)
        }
        let parsed: ReturnType<typeof parsedReading> | undefined
        try {
          parsed = parsedReading(decoded)
        } catch {
          // Not JSON, or refused: the scan may still pass it on; the worker's parse refuses it.
        }
        if (parsed !== undefined) expect(scanned).toEqual(parsed)
      }),
      { numRuns: 600 },
    )
  })

  it('counts the rows of a real-sized page without parsing them', () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({ id: `id-${i}`, caller_name: `Name "${i}" [x], {y}`, nested: { list: [1, [2, 3], { z: ',' }] } }))
    const json = JSON.stringify({ next_page_token: 'tok', page_size: 300, total_records: 9000, call_logs: rows })
    expect(scannedReading(bytesOf(json))).toEqual({ envelope: { next_page_token: 'tok', page_size: 300, total_records: 9000 }, listKey: 'call_logs', rows: 300, items: rows })
  })
})
