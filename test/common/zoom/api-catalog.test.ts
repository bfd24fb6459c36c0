import { describe, expect, it } from 'vitest'
import { buildApiCatalog, parseApiFile } from '../../../common/zoom/api/parse'
import { caught } from '../../support/caught'
import { ZOOM_OPENAPI_AVAILABLE, zoomOpenApiFiles, zoomOpenApiTitle } from '../../support/zoom-openapi'

describe.skipIf(!ZOOM_OPENAPI_AVAILABLE)(zoomOpenApiTitle("the API catalog from Zoom's 31 OpenAPI files"), () => {
  // Read only when the files are there: a skipped describe's body still runs to collect its tests.
  const catalog = ZOOM_OPENAPI_AVAILABLE ? buildApiCatalog(zoomOpenApiFiles()) : buildApiCatalog([])
  const get = (path: string) => {
    const op = catalog.gets.get(path)
    if (!op) throw new Error(`no GET ${path}`)
    return op
  }

  it('knows every operation, and every GET by its path template', () => {
    expect(catalog.products).toHaveLength(31)
    expect(catalog.operations).toHaveLength(1719)
    expect(catalog.operations.filter((op) => op.method === 'GET')).toHaveLength(794)
    expect(catalog.gets.size).toBe(794)
  })

  it('reads a list: parameters with types, enums and defaults, scopes, rate label, pagination and rows', () => {
    const users = get('/users')
    expect(users).toMatchObject({ product: 'Users', operationId: 'users', summary: 'List users', rateLabel: 'MEDIUM', rateCategory: 'medium', family: 'api' })
    expect(users).toMatchObject({ pagination: 'next_page_token', listKey: 'users', maxPageSize: 2000 })
    expect(users.scopes).toEqual({ classic: ['user:read', 'user:write', 'user:read:admin', 'user:write:admin'], granular: ['user:read:list_users:admin'] })
    expect(users.params.find((p) => p.name === 'status')).toMatchObject({ in: 'query', required: false, type: 'string', enum: ['active', 'inactive', 'pending'], default: 'active' })
    expect(users.docsUrl).toMatch(/^https:\/\/developers\.zoom\.us\/docs\/api\/users\/#tag\/.+\/GET\/users$/)
  })

  it('finds the rows inside an allOf answer and marks path parameters required', () => {
    const recordings = get('/users/{userId}/recordings')
    expect(recordings.listKey).toBe('meetings')
    expect(recordings.params.find((p) => p.name === 'userId')).toMatchObject({ in: 'path', required: true })
  })

  it('counts Zoom Phone in its own rate-limit table', () => {
    expect(get('/phone/call_queues')).toMatchObject({ family: 'phone', listKey: 'call_queues', pagination: 'next_page_token' })
  })

  it('keeps request bodies with their schema and example', () => {
    const create = catalog.operations.find((op) => op.method === 'POST' && op.path === '/users')
    expect(create?.requestBody).toMatchObject({ contentType: 'application/json' })
    expect(create?.requestBody?.schema).toHaveProperty('properties')
  })

  it('gives every next_page_token list its rows array, and nearly every operation its scopes', () => {
    const paged = catalog.operations.filter((op) => op.pagination === 'next_page_token')
    // 366 declare next_page_token; 6 more answer it without declaring it: they page by it too.
    expect(paged).toHaveLength(372)
    expect(paged.filter((op) => op.listKey === undefined).map((op) => op.path)).toEqual([])
    // A few SDK and Marketplace operations take a JWT instead and name no OAuth scope.
    expect(catalog.operations.filter((op) => op.scopes.classic.length + op.scopes.granular.length > 0).length).toBeGreaterThan(1650)
    expect(catalog.operations.every((op) => op.operationId !== '')).toBe(true)
  })
})

describe('the API catalog parser', () => {
  const file = (paths: Record<string, unknown>) => ({ openapi: '3.0.0', info: { title: 'T' }, paths })
  const list = {
    get: {
      operationId: 'x',
      summary: 'X',
      description: '**[Rate Limit Label](https://x):** `Heavy`',
      parameters: [{ name: 'page_number', in: 'query', schema: { type: 'integer' } }],
      security: [{ openapi_oauth: ['a:read'] }],
      responses: { '200': { content: { 'application/json': { schema: { allOf: [{ properties: { total: { type: 'integer' } } }, { properties: { tags: { type: 'array', items: { type: 'string' } }, rows: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } } } }] } } } } },
    },
  }

  it('reads page_number pagination, the object array as rows, and security scopes when the extensions are missing', () => {
    const { operations } = parseApiFile('Users', file({ '/things': list }))
    expect(operations[0]).toMatchObject({ pagination: 'page_number', listKey: 'rows', rateCategory: 'heavy', scopes: { classic: ['a:read'], granular: [] } })
  })

  it('rejects something that is not an OpenAPI document, and two files claiming one GET', async () => {
    expect((await caught(Promise.resolve().then(() => parseApiFile('Users', { hello: 1 })))).code).toBe('VALIDATION')
    const twice = await caught(Promise.resolve().then(() => buildApiCatalog([{ product: 'Users', document: file({ '/things': list }) }, { product: 'Rooms', document: file({ '/things': list }) }])))
    expect(twice.message).toMatch(/GET \/things is in both Users and Rooms/)
  })

  it('leaves the category out for a label Zoom does not define', () => {
    const odd = { get: { ...list.get, description: 'Rate Limit Label: `1`' } }
    expect(parseApiFile('Users', file({ '/t': odd })).operations[0]).toMatchObject({ rateLabel: '1' })
    expect(parseApiFile('Users', file({ '/t': odd })).operations[0]?.rateCategory).toBeUndefined()
  })
})
