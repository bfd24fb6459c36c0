// Which separator and decimal mark an export starts on, from the machine's regional format.
import { describe, expect, it } from 'vitest'
import { decimalMarkOf, defaultSeparator, listSeparatorOf } from '../../common/csv-separator'

describe('the list separator of a locale', () => {
  it.each([
    ['de-DE', ';'],
    ['fr-FR', ';'],
    ['nl-NL', ';'],
    ['it-IT', ';'],
    ['es-ES', ';'],
    ['pl-PL', ';'],
    ['pt-BR', ';'],
    ['en-US', ','],
    ['en-GB', ','],
    ['ja-JP', ','],
    ['es-MX', ','],
  ])('%s separates columns with %s', (locale, separator) => {
    expect(listSeparatorOf(locale)).toBe(separator)
  })

  it('reads a POSIX-spelled locale, and falls back to a comma for none or a malformed one', () => {
    expect(listSeparatorOf('de_DE')).toBe(';')
    expect(listSeparatorOf(undefined)).toBe(',')
    expect(listSeparatorOf('')).toBe(',')
    expect(listSeparatorOf('not a locale!')).toBe(',')
  })

  it('gives the decimal mark the separator is derived from', () => {
    expect([decimalMarkOf('de-DE'), decimalMarkOf('fr-FR'), decimalMarkOf('en-US'), decimalMarkOf(undefined)]).toEqual([',', ',', '.', '.'])
  })

  it('starts CSV for Excel on the locale’s separator and plain CSV on a comma', () => {
    expect(defaultSeparator(true, 'de-DE')).toBe(';')
    expect(defaultSeparator(true, 'en-US')).toBe(',')
    expect(defaultSeparator(false, 'de-DE')).toBe(',')
    expect(defaultSeparator(false, 'fr-FR')).toBe(',')
  })
})
