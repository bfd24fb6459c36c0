// The console's schema checks: a body or a response against a schema from Zoom's files (OpenAPI
// 3.0: nullable, descriptive formats), differences by JSON path; and the operation a request is.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiCatalogService } from '../../../main/catalog'
import { OperationSchemas } from '../../../main/console'
import { SchemaChecker } from '../../../main/console/schema-check'
import { createLogger, memoryLogSink } from '../../../main/log/logger'
import { FolderApiFiles } from '../../fakes/folder-api-files'
import { ManualTime } from '../../fakes/manual-time'
import { ZOOM_OPENAPI_AVAILABLE, ZOOM_OPENAPI_DIR, zoomOpenApiTitle } from '../../support/zoom-openapi'

const MEETING = {
  type: 'object',
  required: ['topic'],
  properties: {
    topic: { type: 'string', maxLength: 200, example: 'My meeting' },
    type: { type: 'integer', enum: [1, 2, 3, 8] },
    start_time: { type: 'string', format: 'date-time' },
    agenda: { type: 'string', nullable: true },
    settings: { type: 'object', properties: { host_video: { type: 'boolean' }, audio: { type: 'string', enum: ['both', 'telephony', 'voip'] } } },
    tracking_fields: { type: 'array', items: { type: 'object', required: ['field'], properties: { field: { type: 'string' } } } },
    id: { type: 'integer', format: 'int64' },
  },
}

describe('schema checker', () => {
  const checker = new SchemaChecker()
  it('passes a conforming value, nullable and int64 included', () => {
    expect(checker.check({ topic: 'Standup', type: 2, agenda: null, id: 85746065432, start_time: '2026-12-01T10:00:00Z' }, MEETING)).toEqual([])
  })

  it('reads a `pattern` that is a written-out date format (as Zoom’s Contact Center and Rooms files have) as a description, and still checks real patterns', () => {
    const schema = {
      type: 'object',
      properties: {
        start: { type: 'string', pattern: 'YYYY-MM-DDTHH:MM:SSZ' },
        shown: { type: 'string', pattern: 'yyyy-MM-dd HH:mm:ss' },
        mac: { type: 'string', pattern: '^([0-9A-Fa-f]{2}[:]){5}([0-9A-Fa-f]{2})$' },
        broken: { type: 'string', pattern: '([unclosed' },
        topic: { type: 'string', maxLength: 3 },
      },
    }
    expect(checker.check({ start: '2026-03-01T10:00:00Z', shown: '2026-03-01 10:00:00', mac: '00:11:22:33:44:55', broken: 'x' }, schema)).toEqual([])
    // A pattern that cannot be compiled costs only itself: the rest of the schema is still checked.
    expect(checker.check({ mac: 'not a mac', topic: 'too long' }, schema).map((issue) => issue.path).sort()).toEqual(['$.mac', '$.topic'])
  })

  it('names each difference by JSON path: missing required, wrong type, unknown enum value, bad date', () => {
    const issues = checker.check({ type: 5, settings: { host_video: 'yes', audio: 'radio' }, tracking_fields: [{}], start_time: 'tomorrow' }, MEETING)
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: '$.topic', message: 'is required but missing' },
        { path: '$.type', message: expect.stringMatching(/^5 is not one of 1, 2, 3, 8/) },
        { path: '$.settings.host_video', message: 'expected boolean, got string' },
        { path: '$.settings.audio', message: expect.stringContaining('"radio" is not one of "both"') },
        { path: '$.tracking_fields[0].field', message: 'is required but missing' },
        { path: '$.start_time', message: expect.stringContaining('date-time') },
      ]),
    )
    expect(issues).toHaveLength(6)
  })
})

describe.skipIf(!ZOOM_OPENAPI_AVAILABLE)(zoomOpenApiTitle('the operation a console request is, over Zoom’s files'), () => {
  let dir: string
  let schemas: OperationSchemas
  let catalog: ApiCatalogService
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'zc-console-schemas-'))
    catalog = new ApiCatalogService({ dir, source: new FolderApiFiles(ZOOM_OPENAPI_DIR), clock: new ManualTime(), log: createLogger(memoryLogSink(), 'catalog'), products: ['Users', 'Meetings'] })
    schemas = new OperationSchemas(catalog)
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('checks a body against the request schema of a template or a filled path', async () => {
    const bad = await schemas.checkBody('POST', '/users/{userId}/meetings', '{"topic": 5, "type": 99}')
    expect(bad.operation).toEqual({ method: 'POST', path: '/users/{userId}/meetings' })
    expect(bad.checked).toBe(true)
    expect(bad.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['$.topic', '$.type']))
    const good = await schemas.checkBody('POST', '/v2/users/me/meetings', '{"topic": "Standup", "type": 2}')
    expect(good).toMatchObject({ checked: true, issues: [] })
    expect(await schemas.checkBody('POST', '/no/such/thing', '{}')).toMatchObject({ checked: false, issues: [] })
    expect(await schemas.checkBody('POST', '/users/me/meetings', '{"topic": ')).toMatchObject({ checked: false, issues: [{ path: '$', message: expect.stringContaining('not valid JSON') }] })
  })

  it('checks a success response, says why another is not checked, and skips an unknown operation', async () => {
    await catalog.index()
    const ok = await schemas.checkResponse('GET', '/users/me', { status: 200, truncated: false, contentType: 'application/json', body: JSON.stringify({ id: 'u1', email: 'a@b.c', type: 'basic' }) })
    expect(ok).toMatchObject({ operation: { method: 'GET', path: '/users/{userId}' }, checked: true })
    expect(ok?.issues).toContainEqual({ path: '$.type', message: 'expected integer, got string' })
    expect(await schemas.checkResponse('GET', '/users/me', { status: 404, truncated: false, body: '{}' })).toMatchObject({ checked: false, note: expect.stringContaining('success') })
    expect(await schemas.checkResponse('GET', '/not/documented', { status: 200, truncated: false, body: '{}' })).toBeUndefined()
  })
})
