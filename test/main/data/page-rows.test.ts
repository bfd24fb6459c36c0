// A page handed to the dataset worker as bytes is parsed there and checked against what main read
// of the same bytes: a page that parses to another list, another row count or another next page
// (a scan and a parse that disagree) is refused, never stored as something main did not page by.
import { describe, expect, it } from 'vitest'
import { rowsOfPage } from '../../../main/data/datasets/store/page-rows'
import { scanListEnvelope } from '../../../main/zoom/list-envelope-bytes'
import type { PageBytes } from '../../../main/zoom/list-page'

const KEYS = ['users']

/** The page as main hands it over: the bytes and what the scan read of them. */
function handed(text: string): PageBytes {
  const data = new TextEncoder().encode(text)
  const scanned = scanListEnvelope(data, KEYS)
  return { data, listKey: scanned.listKey, rows: scanned.rows, nextPageToken: scanned.envelope.next_page_token }
}

describe('rowsOfPage', () => {
  it('parses the rows main counted', () => {
    expect(rowsOfPage(handed('{"next_page_token":"t","users":[{"id":"a"},{"id":"b,]"}]}'))).toEqual([{ id: 'a' }, { id: 'b,]' }])
    expect(rowsOfPage(handed('{"total_records":0}'))).toEqual([])
  })

  it('refuses a page that is not JSON inside its rows (which the scan does not read)', () => {
    expect(() => rowsOfPage(handed('{"users":[{"id":"a"},{"id":tru}]}'))).toThrow(expect.objectContaining({ code: 'ZOOM_RESPONSE_INVALID', message: expect.stringContaining('not valid JSON') }))
  })

  it('refuses a page whose rows or next page read differently from what main paged by', () => {
    const page = handed('{"next_page_token":"t","users":[{"id":"a"},{"id":"b"}]}')
    expect(() => rowsOfPage({ ...page, rows: 3 })).toThrow(expect.objectContaining({ code: 'ZOOM_RESPONSE_INVALID', message: expect.stringContaining('2 rows where 3 were counted') }))
    expect(() => rowsOfPage({ ...page, nextPageToken: 'other' })).toThrow(expect.objectContaining({ message: expect.stringContaining('another next_page_token') }))
    expect(() => rowsOfPage({ ...page, nextPageToken: undefined })).toThrow(expect.objectContaining({ message: expect.stringContaining('another next_page_token') }))
    expect(() => rowsOfPage({ ...page, listKey: 'meetings' })).toThrow(expect.objectContaining({ code: 'ZOOM_RESPONSE_INVALID' }))
  })
})
