// Zoom writes times as ISO 8601 in UTC (`2026-12-03T03:40:31Z`). Excel takes that as text: it
// neither sorts nor formats it as a date. `2026-12-03 03:40:31` is what Excel reads as a date and
// time in every locale, so CSV for Excel writes Zoom's UTC times that way (still UTC: the README
// says so). Fractions of a second are dropped (Excel shows none); a time with another offset is
// left as Zoom wrote it rather than shifted.
const UTC_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d{1,9})?Z$/

/** A cell as Excel should get it: a UTC ISO time as `YYYY-MM-DD HH:MM:SS`, anything else as it is. */
export function excelTime<T>(cell: T): T | string {
  // Length first: most cells are not times, and this runs for every cell of a large export.
  if (typeof cell !== 'string' || cell.length < 20 || cell.length > 30 || cell.charCodeAt(10) !== 84) return cell
  const match = UTC_TIME.exec(cell)
  return match ? `${match[1]} ${match[2]}` : cell
}
