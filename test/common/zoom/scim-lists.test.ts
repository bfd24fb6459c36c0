// Zoom's SCIM2 lists (`/scim2/Users`, `/scim2/Groups`) as the catalog and Browse see them: lists
// whose rows are `Resources`, paged by startIndex/count (RFC 7644 §3.4.2.4) at the file's largest
// count, offered in Browse with `filter` as their one query field, and their users' nested fields
// as columns.
import { describe, expect, it } from 'vitest'
import { checkApiListParams } from '../../../common/zoom/api/list-params'
import { buildApiCatalog } from '../../../common/zoom/api/parse'
import { summaryOf } from '../../../common/zoom/api/summary'
import { browseResourceOf } from '../../../common/zoom/browse/browse-resource'
import { answersAsIs, browsableLists } from '../../../common/zoom/browse/fan-out'
import { listSpecFor } from '../../../common/zoom/browse/list-spec'
import { schemaColumns } from '../../../common/zoom/browse/columns'
import { ZOOM_OPENAPI_AVAILABLE, zoomOpenApiFiles, zoomOpenApiTitle } from '../../support/zoom-openapi'

const SCIM_LISTS = ['/scim2/Users', '/scim2/Groups']

describe.skipIf(!ZOOM_OPENAPI_AVAILABLE)(zoomOpenApiTitle('SCIM2 lists'), () => {
  const catalog = ZOOM_OPENAPI_AVAILABLE ? buildApiCatalog(zoomOpenApiFiles()) : buildApiCatalog([])

  it('are lists of `Resources`, paged by startIndex/count at the file’s largest count (100)', () => {
    for (const path of SCIM_LISTS) {
      const op = catalog.gets.get(path)
      expect(op?.listKey, path).toBe('Resources')
      expect(op?.pagination, path).toBe('start_index')
      expect(op?.maxPageSize, path).toBe(100)
      const spec = listSpecFor(path, catalog)
      expect(spec?.pagination, path).toBe('start_index')
      expect(spec?.idKeys, path).toEqual(['id'])
      expect(summaryOf(op!).needsQuery, path).toBeUndefined()
    }
    // Only these two lists page this way.
    expect(catalog.lists.filter((op) => op.pagination === 'start_index').map((op) => op.path).sort()).toEqual([...SCIM_LISTS].sort())
  })

  it('Browse offers both, with `filter` as their only query field (startIndex and count are the app’s)', () => {
    const browsable = browsableLists(catalog).map((spec) => spec.path)
    for (const path of SCIM_LISTS) {
      expect(browsable, path).toContain(path)
      const resource = browseResourceOf(catalog.gets.get(path)!, answersAsIs(catalog))
      expect(resource.params.map((p) => p.name), path).toEqual(['filter'])
      expect(resource.paginated, path).toBe(true)
      expect(resource.maxPageSize, path).toBe(100)
    }
  })

  it('a crawl takes a filter and refuses startIndex/count; Phone’s sync lists keep their own `count`', () => {
    const users = catalog.gets.get('/scim2/Users')!
    expect(checkApiListParams(users, { filter: 'userName eq "a@b.c"' })).toEqual({ ok: true, params: { path: {}, query: { filter: 'userName eq "a@b.c"' } } })
    const refused = checkApiListParams(users, { startIndex: 5, count: 10 })
    expect(refused.ok).toBe(false)
    expect(refused.ok ? [] : refused.issues.map((i) => i.path).sort()).toEqual(['count', 'startIndex'])
    const sync = catalog.gets.get('/phone/users/{userId}/call_history/sync')!
    expect(sync.pagination).not.toBe('start_index')
    expect(checkApiListParams(sync, { userId: 'me', sync_type: 'FSync', count: 10 }).ok).toBe(true)
  })

  it('a SCIM user’s nested fields are columns: name.givenName, name.familyName, and emails as one column', () => {
    const columns = schemaColumns(listSpecFor('/scim2/Users', catalog)?.itemProperties).map((c) => c.path)
    expect(columns).toEqual(expect.arrayContaining(['id', 'userName', 'name.givenName', 'name.familyName', 'emails', 'meta.created']))
    const resource = browseResourceOf(catalog.gets.get('/scim2/Users')!, answersAsIs(catalog))
    expect(resource.defaultColumns.map((c) => c.path)).toContain('name.givenName')
  })
})
