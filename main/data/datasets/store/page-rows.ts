// The rows of a page handed to the dataset worker as Zoom's bytes: parsed here, off main, and
// checked against what main read of the same bytes (list-envelope-bytes.ts), so the page stored is
// the page main paged by: the same list, as many rows, the same next page.
import { AppError } from '../../../../common/errors'
import type { PageBytes } from '../../../zoom/list-page'

/** The page's text: Buffer's UTF-8 decoding (several times faster than TextDecoder's here), without a byte-order mark, as the scan reads it. */
function pageText(data: Uint8Array): string {
  const bom = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0
  return Buffer.from(data.buffer, data.byteOffset + bom, data.byteLength - bom).toString('utf8')
}

const readDifferently = (what: string) => new AppError('ZOOM_RESPONSE_INVALID', `Zoom's answer to a list request cannot be read as one page (${what}).`)

export function rowsOfPage(page: PageBytes): unknown[] {
  if (page.listKey === undefined) return []
  let body: unknown
  try {
    body = JSON.parse(pageText(page.data))
  } catch {
    throw new AppError('ZOOM_RESPONSE_INVALID', "Zoom's answer to a list request is not valid JSON (truncated or not JSON at all).")
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw readDifferently('not an object')
  const envelope = body as Record<string, unknown>
  const rows = envelope[page.listKey]
  if (!Array.isArray(rows) || rows.length !== page.rows) throw readDifferently(`${Array.isArray(rows) ? rows.length : 'no'} rows where ${page.rows} were counted`)
  const token = envelope.next_page_token
  if ((typeof token === 'string' || typeof page.nextPageToken === 'string') && token !== page.nextPageToken) throw readDifferently('another next_page_token')
  return rows
}
