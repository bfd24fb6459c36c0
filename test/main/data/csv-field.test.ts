// csvField's shortcut for text that needs no escaping must write exactly what the full escaping
// writes: every string of up to three characters over the characters that matter is compared.
import { describe, expect, it } from 'vitest'
import { csvField } from '../../../main/data/export/csv-field'

/** The full escaping, as csv-field.ts has always written it (its comment gives the reasons). */
const reference = (text: string): string => `"${text.replace(/(?<=(?:^|[,;\t\r\n])"*)(?=[=+\-@\t\r])/g, "'").replaceAll('"', '""')}"`

const ALPHABET = ['a', 'é', '=', '+', '-', '@', '\t', '\r', '\n', ',', ';', '"', ' ']

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
    expect(compared).toBe(1 + 13 + 13 ** 2 + 13 ** 3)
  })

  it('writes numbers and booleans bare and empty values as nothing', () => {
    expect([csvField(12.5), csvField(false), csvField(null), csvField('x')]).toEqual(['12.5', 'false', '', '"x"'])
  })
})
