// The console's completion over Zoom's operations: ranking by path, summary words and operationId,
// a typed concrete path matched against the templates, and which template a sent path is.
import { describe, expect, it } from 'vitest'
import { findTemplate, pathValuesFor } from '../../../common/zoom/api/match-path'
import { buildApiCatalog } from '../../../common/zoom/api/parse'
import { createOperationSearchIndex, type SearchableOperation } from '../../../common/zoom/api/search'
import { ZOOM_OPENAPI_AVAILABLE, zoomOpenApiFiles, zoomOpenApiTitle } from '../../support/zoom-openapi'

const op = (method: string, path: string, summary: string, operationId: string, product = 'Users'): SearchableOperation => ({ method, path, summary, operationId, product })

const SMALL = [
  op('GET', '/users', 'List users', 'users'),
  op('GET', '/users/{userId}', 'Get a user', 'user'),
  op('GET', '/users/{userId}/recordings', 'List all recordings', 'recordingsList', 'Meetings'),
  op('POST', '/users/{userId}/meetings', 'Create a meeting', 'meetingCreate', 'Meetings'),
  op('GET', '/users/summary', 'Get user summary', 'getUserSummary'),
  op('GET', '/rooms', 'List Zoom Rooms', 'ListZoomRooms', 'Rooms'),
  op('GET', '/phone/call_queues', 'List call queues', 'listCallQueues', 'Phone'),
]

describe('operation search index', () => {
  const index = createOperationSearchIndex(SMALL)
  const paths = (query: string) => index.search(query).map((o) => `${o.method} ${o.path}`)

  it('matches a typed path against the templates, {param} segments taking any value', () => {
    expect(paths('/users/me/rec')).toEqual(['GET /users/{userId}/recordings'])
    expect(paths('/v2/users/abc')[0]).toBe('GET /users/{userId}')
    expect(paths('/users/summary')[0]).toBe('GET /users/summary')
    expect(paths('/roo')).toEqual(['GET /rooms'])
  })

  it('finds words of the summary in any order, and ranks a word at the start of a word first', () => {
    expect(paths('meeting create')).toEqual(['POST /users/{userId}/meetings'])
    expect(paths('queues call')).toEqual(['GET /phone/call_queues'])
    expect(paths('rooms')[0]).toBe('GET /rooms')
    expect(paths('nothing like this')).toEqual([])
  })

  it('finds an operationId, and a method word narrows to that method', () => {
    expect(paths('ListZoomRooms')).toEqual(['GET /rooms'])
    expect(paths('post users')).toEqual(['POST /users/{userId}/meetings'])
  })

  it('an empty query gives the first operations in catalog order, up to the limit', () => {
    expect(index.search('', 3)).toEqual(SMALL.slice(0, 3))
  })
})

describe('which template a path is', () => {
  it('reads path parameter values from a filled path, and refuses another shape', () => {
    expect(pathValuesFor('/users/{userId}/recordings', '/users/me/recordings')).toEqual({ userId: 'me' })
    expect(pathValuesFor('/users/{userId}/recordings', '/v2/users/a%40b.c/recordings?page_size=1')).toEqual({ userId: 'a@b.c' })
    expect(pathValuesFor('/users/{userId}/recordings', '/users/{userId}/recordings')).toEqual({})
    expect(pathValuesFor('/users/{userId}/recordings', '/users/me')).toBeUndefined()
    expect(pathValuesFor('/users/{userId}', 'https://api.zoom.us/v2/users/me')).toEqual({ userId: 'me' })
  })

  it('prefers the template with more literal segments', () => {
    const templates = ['/users/{userId}', '/users/summary', '/users/{userId}/recordings']
    expect(findTemplate(templates, '/users/summary')).toBe('/users/summary')
    expect(findTemplate(templates, '/users/me')).toBe('/users/{userId}')
    expect(findTemplate(templates, '/meetings/1')).toBeUndefined()
  })
})

describe.skipIf(!ZOOM_OPENAPI_AVAILABLE)(zoomOpenApiTitle('operation search over all of Zoom’s files'), () => {
  const catalog = ZOOM_OPENAPI_AVAILABLE ? buildApiCatalog(zoomOpenApiFiles()) : undefined
  const index = createOperationSearchIndex(catalog?.operations ?? [])
  it('finds Zoom Rooms, Team Chat channels and call queues by their summary', () => {
    expect(index.size).toBeGreaterThan(1700)
    expect(index.search('list zoom rooms').slice(0, 3).map((o) => o.path)).toContain('/rooms')
    expect(index.search('list call queues').slice(0, 3).map((o) => o.path)).toContain('/phone/call_queues')
    expect(index.search('/users/me/recordings')[0]).toMatchObject({ method: 'GET', path: '/users/{userId}/recordings' })
  })
})
