// csvField's shortcut for text that needs no escaping must write exactly what the full escaping
// writes: every string of up to three characters over the characters that matter is compared.
// A record written with each separator reads back, with that separator, as its cells; no cell a
// quote-ignoring spreadsheet could start inside it begins a formula; numbers get a decimal comma
// only where asked and never change value.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Cell } from '../../../common/contract/data'
import { CSV_SEPARATORS } from '../../../common/csv-separator'
import { csvField, csvLine } from '../../../main/data/export/csv-field'
import { parseCsv } from './csv-parse'

/** Where the full escaping puts its single quotes, as csv-field.ts has always done (its comment gives the reasons). */
const escaped = (text: string): string => text.replace(/(?<=(?:^|[,;\t\r\n])"*)(?=[=+\-@\t\r])/g, "'")
const reference = (text: string): string => `"${escaped(text).replaceAll('"', '""')}"`

const ALPHABET = ['a', 'é', '=', '+', '-', '@', '\t', '\r', '\n', ',', ';', '"', ' ', "'"]
const text = fc.string({ unit: fc.constantFrom(...ALPHABET, '1', '.'), maxLength: 12 })
const cell: fc.Arbitrary<Cell> = fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean(), fc.constant(null))
const SPLIT_ANYWHERE = /[,;\t\r\n]/

function* strings(length: number): Generator<string> {
  if (length === 0) {
    yield ''
    return
  }
  for (const head of strings(length - 1)) for (const c of ALPHABET) yield head + c
}

describe('csvField', () => {
  it('writes every short string as the full escaping does', () => {
    let compared = 0
    for (let length = 0; length <= 3; length++) {
      for (const text of strings(length)) {
        expect(csvField(text), JSON.stringify(text)).toBe(reference(text))
        compared++
      }
    }
    expect(compared).toBe(1 + 14 + 14 ** 2 + 14 ** 3)
  })

  it('writes numbers and booleans bare and empty values as nothing', () => {
    expect([csvField(12.5), csvField(false), csvField(null), csvField('x')]).toEqual(['12.5', 'false', '', '"x"'])
  })

  it.each(CSV_SEPARATORS.map((separator) => [JSON.stringify(separator), separator] as const))('writes records that read back with %s as their cells', (_name, separator) => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), (cells) => {
        const expected = cells.map((c) => (c === null ? '' : typeof c === 'string' ? escaped(c) : String(c)))
        expect(parseCsv(csvLine(cells, { separator }), separator)).toEqual([expected])
      }),
      { numRuns: 500 },
    )
  })

  it.each(CSV_SEPARATORS.map((separator) => [JSON.stringify(separator), separator] as const))(
    'with %s, leaves no formula where a quote-ignoring spreadsheet could start a cell',
    (_name, separator) => {
      fc.assert(
        fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (cells) => {
          // Such a reader splits on any of , ; tab CR LF and drops the quotes a piece starts with.
          for (const piece of csvLine(cells, { separator }).split(SPLIT_ANYWHERE)) expect(piece.replace(/^"*/, '')).not.toMatch(/^[=+\-@]/)
        }),
        { numRuns: 500 },
      )
    },
  )

  it('writes a fraction with a decimal comma only when asked and not with the comma separator', () => {
    const cells: Cell[] = [12.5, -0.25, 1.5e-7, 85746065432, 12345678901234567000, '12.5', true]
    expect(csvLine(cells, { separator: ';', decimalComma: true })).toBe('12,5;-0,25;1,5e-7;85746065432;12345678901234567000;"12.5";true\n')
    expect(csvLine(cells, { separator: '\t', decimalComma: true })).toBe('12,5\t-0,25\t1,5e-7\t85746065432\t12345678901234567000\t"12.5"\ttrue\n')
    expect(csvLine(cells, { separator: ';' })).toBe('12.5;-0.25;1.5e-7;85746065432;12345678901234567000;"12.5";true\n')
    expect(csvLine(cells, { separator: ',', decimalComma: true })).toBe('12.5,-0.25,1.5e-7,85746065432,12345678901234567000,"12.5",true\n')
  })

  it('keeps every number’s value with a decimal comma', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const [[written]] = parseCsv(csvLine([value], { separator: ';', decimalComma: true }), ';') as [[string]]
        expect(written.split(',').length).toBeLessThanOrEqual(2)
        // (=== rather than toBe: -0 has always been written as 0.)
        expect(Number(written.replace(',', '.')) === value).toBe(true)
      }),
      { numRuns: 2_000 },
    )
  })
})
