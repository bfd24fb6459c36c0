// A page handed to the dataset worker as bytes is parsed there, each row alone from the bytes
// main's scan found it between: the rows come with Zoom's own text of each, and a row that is not
// JSON (which the scan does not read) is refused with a typed error, as is a page whose bounds do
// not match its row count.
import { describe, expect, it } from 'vitest'
import { rowsOfPage } from '../../../main/data/datasets/store/page-rows'
import { scanListEnvelope } from '../../../main/zoom/list-envelope-bytes'
import type { PageBytes } from '../../../main/zoom/list-page'

const KEYS = ['users']

/** The page as main hands it over: the bytes and what the scan read of them. */
function handed(text: string): PageBytes {
  const data = new TextEncoder().encode(text)
  const { listKey, rows, bounds } = scanListEnvelope(data, KEYS)
  return { data, listKey, rows, bounds }
}

describe('rowsOfPage', () => {
  it('parses the rows main found, each with its text as Zoom sent it', () => {
    expect(rowsOfPage(handed('{"next_page_token":"t","users":[{"id":"a", "name":"Zoë"} ,{"id":"b,]"}]}'))).toEqual({
      rows: [{ id: 'a', name: 'Zoë' }, { id: 'b,]' }],
      texts: ['{"id":"a", "name":"Zoë"}', '{"id":"b,]"}'],
    })
    expect(rowsOfPage(handed('{"total_records":0}'))).toEqual({ rows: [], texts: [] })
  })

  it('refuses a row that is not JSON inside (which the scan does not read), naming it', () => {
    expect(() => rowsOfPage(handed('{"users":[{"id":"a"},{"id":tru}]}'))).toThrow(expect.objectContaining({ code: 'ZOOM_RESPONSE_INVALID', message: expect.stringContaining('row 2 cannot be read') }))
  })

  it('refuses bounds that do not match the row count', () => {
    const page = handed('{"users":[{"id":"a"},{"id":"b"}]}')
    expect(() => rowsOfPage({ ...page, rows: 3 })).toThrow(expect.objectContaining({ code: 'ZOOM_RESPONSE_INVALID', message: expect.stringContaining('2 rows found where 3 were counted') }))
  })
})
