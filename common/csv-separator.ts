// The column separators a CSV export may use, and which one Excel expects on this machine.
//
// Excel splits a double-clicked .csv on Windows' "list separator" (Region → Additional settings).
// Windows does not store one per locale by hand: by default it is `;` wherever the decimal mark
// is `,` (German, French, Dutch, Italian, Spanish, Polish, Brazilian Portuguese…), since a `,`
// there would split every decimal number in two, and `,` elsewhere. The same rule is applied here
// to the locale of the machine's regional format (main gives app.getSystemLocale()). A region
// that sets it otherwise (Swiss German: `.` decimals, `;` lists) picks the separator in the
// Export dialog once: the choice is remembered.

export const CSV_SEPARATORS = [',', ';', '\t'] as const
export type CsvSeparator = (typeof CSV_SEPARATORS)[number]

/** The decimal mark numbers are written with in `locale` ('.' when the locale is unknown or malformed). */
export function decimalMarkOf(locale: string | undefined): string {
  if (!locale) return '.'
  try {
    // Some systems spell a locale the POSIX way (de_DE), which Intl refuses.
    const parts = new Intl.NumberFormat(locale.replaceAll('_', '-')).formatToParts(1.5)
    return parts.find((part) => part.type === 'decimal')?.value ?? '.'
  } catch {
    return '.'
  }
}

/** The separator Excel splits a .csv on in `locale`: `;` where the decimal mark is `,`, else `,`. */
export function listSeparatorOf(locale: string | undefined): CsvSeparator {
  return decimalMarkOf(locale) === ',' ? ';' : ','
}

/** The separator an export starts on before the person chooses one: Excel's for CSV for Excel, RFC 4180's comma for plain CSV. */
export function defaultSeparator(excel: boolean, locale: string | undefined): CsvSeparator {
  return excel ? listSeparatorOf(locale) : ','
}
