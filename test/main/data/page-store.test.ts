// A page whose store fails puts the listing's cursor back on it, whatever the listing pages by:
// next_page_token, page_number or SCIM's startIndex.
import { describe, expect, it } from 'vitest'
import { PageStore } from '../../../main/data/jobs/page-store'
import { newPageCursor } from '../../../main/zoom'

describe('PageStore', () => {
  it('puts the cursor back on a page whose store failed (token, page number and startIndex alike)', async () => {
    const cursor = newPageCursor({ rememberTaken: false })
    Object.assign(cursor, { pageToken: 't2', pageNumber: 2, startIndex: 101 })
    const store = new PageStore(cursor, false)
    await store.store(Promise.reject(new Error('disk full')))
    // The listing moves on once the next page is asked for.
    Object.assign(cursor, { pageToken: 't3', pageNumber: 3, startIndex: 201 })
    await expect(store.settled()).rejects.toThrow('disk full')
    expect(cursor).toMatchObject({ pageToken: 't2', pageNumber: 2, startIndex: 101 })
  })

  it('leaves the cursor where the listing moved it once the page is stored', async () => {
    const cursor = newPageCursor({ rememberTaken: false })
    const store = new PageStore(cursor, false)
    await store.store(Promise.resolve())
    cursor.startIndex = 101
    await store.settled()
    expect(cursor.startIndex).toBe(101)
  })
})
