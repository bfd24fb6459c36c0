// Patterns run by RE2 must mean what JSON Schema says they mean: ECMAScript regular expressions
// (ajv compiles them with the u flag). JavaScript's own RegExp is the referee here.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileLinearPattern } from '../../../common/zoom/api/linear-pattern'

// Zoom's own patterns (the event and API files), and the constructs where RE2's syntax differs.
const PATTERNS = [
  '(^\\s*$|^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$)',
  "(^\\s*$|^[A-Za-z0-9!#$%&''*+/=?^_{|}~-]+(\\.[A-Za-z0-9!#$%&''*+/=?^_{|}~-]+)*@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*(\\.[A-Za-z]{2})$)",
  '^\\S+$', '^[\\s\\S]$', '^[^\\s]+$', '^[a\\S]$', '^.$', '^a.b$', '^[.]$', '^\\u0041\\u{42}$', '^\\.$', '\\s', '^\\\\s$',
]
// Every kind of whitespace and line end ECMAScript knows, next to ordinary characters.
const TEXT = fc.string({ unit: fc.constantFrom('a', 'b', 'A', 'B', '.', '1', '-', ':', 'T', 'Z', '@', '\\', 's', ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2003', '\u2028', '\u2029', '\u202f', '\u3000', '\ufeff', '\u200b', 'é', '😀'), maxLength: 6 })

describe('patterns in linear time, with ECMAScript’s meaning', () => {
  it.each(PATTERNS)('%s matches exactly what RegExp matches', (pattern) => {
    const re2 = compileLinearPattern(pattern)
    const ecma = new RegExp(pattern, 'u')
    fc.assert(fc.property(TEXT, (text) => re2.test(text) === ecma.test(text)), { numRuns: 500 })
  })

  it('reads a vertical tab, a no-break space and a BOM as the whitespace ECMAScript says they are', () => {
    const blank = compileLinearPattern('^\\s*$')
    for (const text of ['\v', '\u00a0', '\ufeff', '\u2028', ' \t']) expect(blank.test(text)).toBe(true)
    expect(compileLinearPattern('^.$').test('\r')).toBe(false)
  })
})
