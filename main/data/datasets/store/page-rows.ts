// The rows of a page handed to the dataset worker as Zoom's bytes, parsed here, off main: each
// row alone, from the bytes main's scan found it between (list-envelope-bytes.ts), so its text is
// stored as Zoom sent it instead of being made again from the parsed row.
import { AppError } from '../../../../common/errors'
import type { PageBytes } from '../../../zoom/list-page'

export interface PageRows {
  rows: unknown[]
  /** Each row's JSON text, as Zoom sent it. */
  texts: string[]
}

export function rowsOfPage(page: PageBytes): PageRows {
  const data = Buffer.from(page.data.buffer, page.data.byteOffset, page.data.byteLength)
  const { bounds } = page
  if (bounds.length !== page.rows * 2) throw new AppError('ZOOM_RESPONSE_INVALID', `Zoom's answer to a list request cannot be read as one page (${bounds.length / 2} rows found where ${page.rows} were counted).`)
  const rows: unknown[] = []
  const texts: string[] = []
  for (let r = 0; r < page.rows; r++) {
    const text = data.toString('utf8', bounds[2 * r], bounds[2 * r + 1])
    try {
      rows.push(JSON.parse(text))
    } catch {
      throw new AppError('ZOOM_RESPONSE_INVALID', `Zoom's answer to a list request is not valid JSON (its row ${r + 1} cannot be read).`)
    }
    // Line breaks in a row's JSON are only whitespace (a string cannot hold one unescaped), but an
    // NDJSON export writes each row's text as one line: such a row is written again without them.
    texts.push(text.includes('\n') || text.includes('\r') ? JSON.stringify(rows[r]) : text)
  }
  return { rows, texts }
}
