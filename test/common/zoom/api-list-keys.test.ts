// The rows array the catalog picks for lists whose answer has several arrays, and SCIM's detail
// answers, whose `schemas` array is not rows (SCIM's lists: scim-lists.test.ts).
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
})
