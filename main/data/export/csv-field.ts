// How one cell is written to a CSV export: the only place that encodes a CSV field.
//
// Spreadsheet formula injection (OWASP "CSV Injection"): a cell that starts with = + - @ (or a
// tab / carriage return, which some spreadsheets strip first) is evaluated as a formula. A
// spreadsheet set to a locale that splits on ; or tab (and one that ignores the quotes) starts a
// new cell after any , ; tab or line break inside our text, so a single quote goes before a
// formula character wherever a cell could start: Excel, Numbers and LibreOffice then show text.
// Such a spreadsheet also drops the quotes a piece starts with (`a,"=1` and a nested value's
// `["a","=1"]` give a piece `"=1`): the single quote goes after them.
import type { Cell } from '../../../common/contract/data'

/** Where a spreadsheet may start a cell inside a field, followed by a formula character. */
const FORMULA_START = /(?<=(?:^|[,;\t\r\n])"*)(?=[=+\-@\t\r])/g
/** A quote (which FORMULA_START may skip), or a character after which (or at the start) FORMULA_START could match. */
const NEEDS_ESCAPE = /^[=+\-@\t\r]|["\t\r]|[,;\n][=+\-@\t\r]/

/**
 * Text is always quoted (RFC 4180, quotes doubled) so a separator inside stays in its cell;
 * numbers and booleans as String() writes them; empty values as nothing.
 */
export function csvField(cell: Cell): string {
  if (cell === null) return ''
  if (typeof cell !== 'string') return String(cell)
  // Most cells hold no quote and no place a formula could start: nothing to escape (and the
  // look-behind below, run on every cell of a ten-million-row export, is what made it slow).
  if (!NEEDS_ESCAPE.test(cell)) return `"${cell}"`
  return `"${cell.replace(FORMULA_START, "'").replaceAll('"', '""')}"`
}

/** One record: the fields joined by commas, ended by a newline. */
export const csvLine = (cells: readonly Cell[]): string => `${cells.map(csvField).join(',')}\n`
