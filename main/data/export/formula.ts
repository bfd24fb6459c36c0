// Spreadsheet formula injection (OWASP "CSV Injection"): a cell that starts with = + - @ (or a
// tab / carriage return, which some spreadsheets strip first) is prefixed with a single quote so
// Excel, Numbers and LibreOffice show it as text instead of evaluating it.
const FORMULA_START = /^[=+\-@\t\r]/

export const neutraliseFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text)
