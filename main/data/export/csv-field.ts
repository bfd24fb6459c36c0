// How one cell is written to a CSV export: the only place that encodes a CSV field.
//
// Spreadsheet formula injection (OWASP "CSV Injection"): a cell that starts with = + - @ (or a
// tab / carriage return, which some spreadsheets strip first) is evaluated as a formula. A
// spreadsheet set to a locale that splits on ; or tab (and one that ignores the quotes) starts a
// new cell after any , ; tab or line break inside our text, so a single quote goes before a
// formula character wherever a cell could start: Excel, Numbers and LibreOffice then show text.
// Such a spreadsheet also drops the quotes a piece starts with (`a,"=1` and a nested value's
// `["a","=1"]` give a piece `"=1`): the single quote goes after them. Since every one of , ; and
// tab counts as a cell start whatever the export's separator, the escaping is the same for all three.
import type { Cell } from '../../../common/contract/data'
import type { CsvSeparator } from '../../../common/csv-separator'

/** The longest text constant Excel takes in a formula (Excel's specifications and limits: 255 characters). */
const EXCEL_FORMULA_TEXT_MAX = 255
/** Where a spreadsheet may start a cell inside a field, followed by a formula character. */
const FORMULA_START = /(?<=(?:^|[,;\t\r\n])"*)(?=[=+\-@\t\r])/g
/** A quote (which FORMULA_START may skip), or a character after which (or at the start) FORMULA_START could match. */
const NEEDS_ESCAPE = /^[=+\-@\t\r]|["\t\r]|[,;\n][=+\-@\t\r]/

/**
 * Text is always quoted (RFC 4180, quotes doubled) so any separator, CR or LF inside stays in its
 * cell; numbers and booleans as String() writes them (`decimalComma`: a fraction's `.` as `,`);
 * empty values as nothing.
 */
export function csvField(cell: Cell, decimalComma = false, excelText = false): string {
  if (cell === null) return ''
  if (typeof cell !== 'string') return decimalComma && typeof cell === 'number' ? decimalCommaNumber(cell) : String(cell)
  if (excelText && (isDigitsExcelWouldChange(cell) || isPhoneNumber(cell))) return `"=""${cell}"""`
  // Most cells hold no quote and no place a formula could start: nothing to escape (and the
  // look-behind below, run on every cell of a ten-million-row export, is what made it slow).
  if (!NEEDS_ESCAPE.test(cell)) return `"${cell}"`
  return `"${cell.replace(FORMULA_START, "'").replaceAll('"', '""')}"`
}

/**
 * Text of digits alone that Excel would take for a number and change: a leading zero is dropped
 * (`0123` becomes 123) and digits past the 15th become zeros (a 19-digit call id loses its last
 * four); quotes do not stop it, since Excel guesses a type whatever the quoting. Such text is
 * written for Excel as the formula `="…"`, a constant string, which Excel shows as the text
 * itself. It cannot carry an injection: it holds digits only (this check), and only our own writer
 * makes it (a cell that itself starts with `=` is still escaped). Plain CSV never gets it.
 */
function isDigitsExcelWouldChange(cell: string): boolean {
  const first = cell.charCodeAt(0)
  // Cheap checks first: this runs on every text cell of an export for Excel. Past 255 characters
  // Excel refuses a text constant in a formula, so such a cell stays plain text.
  if (cell.length < 2 || cell.length > EXCEL_FORMULA_TEXT_MAX || first < 48 || first > 57 || (first !== 48 && cell.length <= 15)) return false
  return /^\d+$/.test(cell)
}

/**
 * A phone number as Zoom writes it (E.164: `+` then digits, `+14085550012`). The formula guard
 * would write it `'+14085550012`, and Excel keeps a `'` read from a CSV file as part of the text,
 * so every caller and callee number of a phone list would show with a quote in front. As a
 * constant formula `="+14085550012"` Excel shows the number exactly; like the digits above it holds
 * nothing a formula could run (`+` and digits only). Plain CSV keeps the guard.
 */
function isPhoneNumber(cell: string): boolean {
  if (cell.length < 2 || cell.length > EXCEL_FORMULA_TEXT_MAX || cell.charCodeAt(0) !== 43) return false
  return /^\+\d+$/.test(cell)
}

/**
 * A number as a reader whose decimal mark is `,` reads it: String() gives the shortest text that
 * reads back as the same double, and only its one `.` changes, so every digit (and the exponent of
 * `1.5e-7`) is kept and Excel gets the same value it gets from `.` in an English locale (where
 * German Excel would take `12.5` for the 12th of May). Integers (ids, counts, durations) have no
 * `.` and are written as they always were; text that looks like a number is text and never changes.
 */
function decimalCommaNumber(value: number): string {
  const text = String(value)
  return Number.isInteger(value) ? text : text.replace('.', ',')
}

export interface CsvLineOptions {
  /** Between fields; default RFC 4180's comma. */
  separator?: CsvSeparator
  /**
   * Numbers with `,` for their decimal mark (CSV for Excel in a `,`-decimal locale). Ignored with
   * the comma separator, where `12,5` would be two fields: numbers are never quoted.
   */
  decimalComma?: boolean
  /** Text of digits that Excel would change (a leading zero, more than 15 digits) as `="…"` (CSV for Excel). */
  excelText?: boolean
}

/** One record: the fields joined by the separator, ended by a newline. */
export function csvLine(cells: readonly Cell[], options: CsvLineOptions = {}): string {
  const separator = options.separator ?? ','
  const decimalComma = options.decimalComma === true && separator !== ','
  let line = ''
  const excelText = options.excelText === true
  for (let i = 0; i < cells.length; i++) line += (i === 0 ? '' : separator) + csvField(cells[i] as Cell, decimalComma, excelText)
  return `${line}\n`
}
