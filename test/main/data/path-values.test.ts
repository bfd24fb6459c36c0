// The path-value picker's pages (data.pathValues) through the real client against the sandbox: a
// path parameter's parent list is the crawl's fan-out rule for it (call queues for a call queue's
// members, rooms for a room's devices), each row named from its item schema and giving the value
// a fan-out would use, one page per call with a cursor for the next; refusals are typed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApiCatalog } from '../../../common/zoom/api/parse'
import type { ApiCatalog } from '../../../common/zoom/api/types'
import { listSpecFor } from '../../../common/zoom/browse/list-spec'
import type { CatalogSource } from '../../../main/data/jobs/job-manager'
import { type Sandbox, startSandbox } from '../../sandbox'
import { ZOOM_OPENAPI_AVAILABLE, zoomOpenApiFiles, zoomOpenApiTitle } from '../../support/zoom-openapi'
import { createDataWithHandlers } from './data-with-handlers'
import { listAll, sandboxZoom } from './sandbox-zoom'
import { memoryLogSink } from '../../../main/log/logger'
import { recordingSink } from './harness'

const NOW = Date.UTC(2026, 2, 4, 12)

/** Ports of the data services nothing here uses: the picker only reads. */
function readOnlyPorts() {
  return {
    dialogs: { chooseSaveFile: async () => undefined, chooseFolder: async () => undefined } as never,
    shell: { openPath: async () => undefined, openExternal: async () => undefined },
    events: recordingSink(),
    settings: async () => ({ downloadConcurrency: 1, downloadFolder: '/nowhere' }),
    log: memoryLogSink(),
  }
}

describe.skipIf(!ZOOM_OPENAPI_AVAILABLE)(zoomOpenApiTitle('path-value picker pages (data.pathValues)'), () => {
  let catalog: ApiCatalog
  let sandbox: Sandbox

  beforeAll(async () => {
    catalog = buildApiCatalog(zoomOpenApiFiles())
    sandbox = await startSandbox({ seed: 41, users: 30, plan: 'unlimited', now: () => NOW })
  })
  afterAll(() => sandbox.close())

  it('offers the account’s users for a built-in per-user list before Zoom’s files were ever read', async () => {
    const never: CatalogSource = { loaded: undefined, catalogFor: () => Promise.reject(new Error('offline')) }
    const services = createDataWithHandlers({ ...readOnlyPorts(), zoom: sandboxZoom(sandbox), apiCatalog: never })
    const users = await listAll<{ id: string; email: string }>(sandboxZoom(sandbox), listSpecFor('/users', undefined)!)
    const page = await services.handlers['data.pathValues']({ profileId: 'p1', resource: '/users/{userId}/meetings', param: 'userId' }, ctx)
    expect(page.parent).toBe('/users')
    expect(page.items.length).toBeGreaterThan(0)
    expect(page.items.map(({ value, email }) => ({ value, email }))).toEqual(users.slice(0, page.items.length).map(({ id, email }) => ({ value: id, email })))
  })

  /** The data handlers on the sandbox, with a catalog whose call-queue and room lists answer `pageSize` rows a page. */
  function handlers(pageSize?: number) {
    const small = new Map(catalog.gets)
    for (const path of ['/phone/call_queues', '/rooms']) {
      const op = catalog.gets.get(path)
      if (op && pageSize !== undefined) small.set(path, { ...op, maxPageSize: pageSize })
    }
    const used: ApiCatalog = { ...catalog, gets: small }
    const apiCatalog: CatalogSource = { loaded: used, catalogFor: async () => used }
    return createDataWithHandlers({ ...readOnlyPorts(), zoom: sandboxZoom(sandbox), apiCatalog }).handlers
  }
  const ctx = {} as never

  it('offers every call queue by name, page after page, each giving its id', async () => {
    const queues = await listAll<{ id: string; name: string }>(sandboxZoom(sandbox), listSpecFor('/phone/call_queues', catalog)!)
    expect(queues.length).toBeGreaterThan(2)
    const pick = handlers(2)['data.pathValues']
    const first = await pick({ profileId: 'p1', resource: '/phone/call_queues/{callQueueId}/members', param: 'callQueueId' }, ctx)
    expect(first.parent).toBe('/phone/call_queues')
    expect(first.items).toHaveLength(2)
    expect(first.cursor).toEqual(expect.any(String))
    const seen = [...first.items]
    let cursor = first.cursor
    while (cursor) {
      const next = await pick({ profileId: 'p1', resource: '/phone/call_queues/{callQueueId}/members', param: 'callQueueId', cursor }, ctx)
      seen.push(...next.items)
      cursor = next.cursor
    }
    expect(seen).toEqual(queues.map((q) => expect.objectContaining({ value: q.id, name: q.name })))
  })

  it('offers rooms for a room’s devices, by name', async () => {
    const rooms = await listAll<{ id: string; name: string }>(sandboxZoom(sandbox), listSpecFor('/rooms', catalog)!)
    const page = await handlers()['data.pathValues']({ profileId: 'p1', resource: '/rooms/{roomId}/devices', param: 'roomId' }, ctx)
    expect(page.parent).toBe('/rooms')
    expect(page.items.length).toBeGreaterThan(0)
    expect(page.items.slice(0, rooms.length)).toEqual(rooms.slice(0, page.items.length).map((r) => expect.objectContaining({ value: r.id, name: r.name })))
  })

  it('refuses, typed, a parameter no list gives, one the path does not have, a cursor it never gave, and a parent needing an outer value', async () => {
    const pick = handlers()['data.pathValues']
    await expect(pick({ profileId: 'p1', resource: '/meetings/{meetingId}/registrants', param: 'meetingId' }, ctx)).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('meetingId') })
    await expect(pick({ profileId: 'p1', resource: '/rooms/{roomId}/devices', param: 'userId' }, ctx)).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(pick({ profileId: 'p1', resource: '/rooms/{roomId}/devices', param: 'roomId', cursor: 'x:1' }, ctx)).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(pick({ profileId: 'p1', resource: '/no/such/list/{x}', param: 'x' }, ctx)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const nested = [...catalog.gets.keys()].find((path) => /^\/zoom_events\/events\/\{eventId\}\/sessions\/\{sessionId\}\/[a-z_]+$/.test(path) && catalog.gets.get(path)?.listKey)
    expect(nested, 'Zoom’s files have a list under an event’s session').toBeDefined()
    await expect(pick({ profileId: 'p1', resource: nested!, param: 'sessionId' }, ctx)).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('eventId') })
  })
})

describe('path-value picker: a next_page_token that is not text', () => {
  it('refuses the page with ZOOM_RESPONSE_INVALID instead of offering it as the last one', async () => {
    const never: CatalogSource = { loaded: undefined, catalogFor: () => Promise.reject(new Error('offline')) }
    const answer = (next: unknown) => ({ forProfile: () => ({ request: async () => ({ body: { users: [{ id: 'u1', email: 'a@example.com' }], next_page_token: next } }) }) }) as never
    const pick = (next: unknown) =>
      createDataWithHandlers({ ...readOnlyPorts(), zoom: answer(next), apiCatalog: never }).handlers['data.pathValues']({ profileId: 'p1', resource: '/users/{userId}/meetings', param: 'userId' }, {} as never)
    await expect(pick(98765)).rejects.toMatchObject({ code: 'ZOOM_RESPONSE_INVALID', message: expect.stringMatching(/next_page_token/) })
    expect((await pick('')).items.map((item) => item.value)).toEqual(['u1'])
    expect((await pick('t2')).cursor).toBe('t:t2')
  })
})
