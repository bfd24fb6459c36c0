// The rows array the catalog picks for lists whose answer has several arrays, and SCIM's lists,
// which page in a way crawls do not follow.
import { describe, expect, it } from 'vitest'
import { buildApiCatalog } from '../../../common/zoom/api/parse'
import { listSpecFor } from '../../../common/zoom/browse/list-spec'
import { ZOOM_OPENAPI_AVAILABLE, zoomOpenApiFiles, zoomOpenApiTitle } from '../../support/zoom-openapi'

describe.skipIf(!ZOOM_OPENAPI_AVAILABLE)(zoomOpenApiTitle('list keys of lists with several arrays'), () => {
  const catalog = ZOOM_OPENAPI_AVAILABLE ? buildApiCatalog(zoomOpenApiFiles()) : buildApiCatalog([])

  it('Team Chat’s chat message report lists `messages`, not `deleted_messages` (the first array written)', () => {
    expect(catalog.gets.get('/report/chat/sessions/{sessionId}')?.listKey).toBe('messages')
    expect(listSpecFor('/report/chat/sessions/{sessionId}', catalog)?.listKey).toBe('messages')
  })

  it('Phone’s account call history lists `call_history`, not the deprecated `call_logs`', () => {
    expect(catalog.gets.get('/phone/call_history')?.listKey).toBe('call_history')
  })

  it('SCIM2: a single group is not a list of its `schemas` URNs', () => {
    expect(catalog.gets.get('/scim2/Groups/{groupId}')?.listKey).toBeUndefined()
    expect(listSpecFor('/scim2/Groups/{groupId}', catalog)).toBeUndefined()
  })

  it('SCIM2: the users and groups lists (startIndex paging, not followed by crawls) are not offered as lists cut at their first page', () => {
    for (const path of ['/scim2/Users', '/scim2/Groups']) {
      expect(catalog.gets.get(path), path).toBeDefined()
      expect(catalog.gets.get(path)?.listKey, path).toBeUndefined()
      expect(listSpecFor(path, catalog), path).toBeUndefined()
    }
  })
})
