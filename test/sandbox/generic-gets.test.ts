// The sandbox answers every GET of Zoom's files (../shared/zoom-openapi) that no hand-written
// endpoint serves: one answer of each validated against its response schema (undeclared fields
// forbidden), pagination end to end, ids that agree from a list to its children, Zoom's 404 for
// an unknown id, 4711 for a missing scope, rate-limit categories from the labels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { objectProperties } from '../../common/zoom/api/parse'
import type { ApiCatalog, ApiOperation } from '../../common/zoom/api/types'
import { ADMIN_SCOPES } from './apps'
import { HAND_WRITTEN_GETS, LITERAL_GETS_BESIDE_HAND_WRITTEN } from './api/dispatch'
import { ZOOM_READ_SCOPES } from './api/generic/read-scopes'
import { availableProducts, loadZoomFiles, OPENAPI_DIR } from './api/generic/zoom-files'
import { OPERATIONS } from './api/catalog'
import { ApiRouter } from './api/router'
import { GenericSweep, nonConformance, type SweepAnswer } from './generic-sweep'
import { startSandbox, type Sandbox } from './index'
import { getJson, s2sToken, userTokens } from './testing'

const NOW = Date.UTC(2026, 8, 16, 14, 45)
const AVAILABLE = availableProducts().length === 31
const title = AVAILABLE
  ? `generic GETs from Zoom's OpenAPI files in ${OPENAPI_DIR}`
  : `generic GETs skipped: Zoom's 31 OpenAPI files are not in ${OPENAPI_DIR}`

/**
 * Answers no value can satisfy, because the file's schema contradicts itself; each may fail only
 * at these schema locations, and only these ways (anything else in them still fails the test).
 */
const SCHEMA_DEFECTS: Record<string, { why: string; at: RegExp }> = {
  // `pattern: "YYYY-MM-DDTHH:MM:SSZ"` is a date format written where a regular expression goes.
  '/contact_center/analytics/log/historical/engagement': { why: 'literal pattern', at: /\/(start_time|end_time)\/pattern$/ },
  '/contact_center/analytics/log/historical/journey': { why: 'literal pattern', at: /\/(start_time|end_time)\/pattern$/ },
  // A oneOf of two plain strings: every string matches both.
  '/zoom_events/events/{eventId}/sessions/{sessionId}/interpreters': { why: 'oneOf of equal alternatives', at: /\/target_language_display_name\/allOf\/0\/oneOf$/ },
  // complete_time: a date-time string that must also be an object or "".
  '/archive_files': { why: 'string that must be an object', at: /\/complete_time\/(format|anyOf|anyOf\/\d+\/(type|enum|format|minLength))$/ },
  '/past_meetings/{meetingUUID}/archive_files': { why: 'string that must be an object', at: /\/complete_time\/(format|anyOf|anyOf\/\d+\/(type|enum|format|minLength))$/ },
  // An array whose own enum lists its items' values: no array equals an integer.
  '/phone/users/{userId}/settings': { why: 'array with a scalar enum', at: /\/privileges\/enum$/ },
  '/groups/{groupId}/settings': { why: 'arrays with a scalar enum', at: /^#\/oneOf(\/0\/.*\/(languages|unchecked_data_center_regions)\/enum|\/1\/.*)?$/ },
}

function defectOnly(answer: SweepAnswer): boolean {
  const defect = SCHEMA_DEFECTS[answer.op.path]
  const why = nonConformance(answer)
  if (defect === undefined || why === undefined || !why.startsWith('[')) return false
  const errors = JSON.parse(why) as { schemaPath: string }[]
  return errors.every((e) => defect.at.test(e.schemaPath))
}

describe.skipIf(!AVAILABLE)(title, () => {
  let zoom: Sandbox
  let admin: string
  let catalog: ApiCatalog
  let sweep: GenericSweep
  const answers = new Map<string, SweepAnswer | undefined>()
  /** Per path, why its answer does not conform (checked as answers arrive, so the event loop never stalls long). */
  const verdicts = new Map<string, string | undefined>()
  const generic = (): ApiOperation[] => [...catalog.gets.values()].filter((op) => !HAND_WRITTEN_GETS.has(op.path))

  async function get(path: string, token = admin): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
    const res = await getJson(`${zoom.url}/v2${path}`, token)
    const text = await res.text()
    return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>), headers: res.headers }
  }

  async function crawl(path: string, pageSize?: number): Promise<{ pages: Record<string, unknown>[]; rows: unknown[] }> {
    const op = new ApiRouter(generic()).match(path.split('?')[0]!)!.op
    const pages: Record<string, unknown>[] = []
    let token = ''
    do {
      const sep = path.includes('?') ? '&' : '?'
      const page = await get(`${path}${sep}${pageSize === undefined ? '' : `page_size=${pageSize}&`}next_page_token=${token}`)
      expect(page.status, JSON.stringify(page.body)).toBe(200)
      pages.push(page.body)
      token = String(page.body.next_page_token ?? '')
    } while (token !== '' && pages.length < 100)
    return { pages, rows: pages.flatMap((p) => p[op.listKey!] as unknown[]) }
  }

  beforeAll(async () => {
    catalog = loadZoomFiles()!.catalog
    zoom = await startSandbox({ seed: 5, users: 60, plan: 'unlimited', now: () => NOW })
    admin = (await s2sToken(zoom)).access_token
    sweep = new GenericSweep(zoom.url, admin, catalog, HAND_WRITTEN_GETS, '2026-09-16')
    for (const op of generic()) {
      const answer = await sweep.call(op)
      answers.set(op.path, answer)
      if (answer === undefined) verdicts.set(op.path, 'no parent list had an item to ask for')
      else if (SCHEMA_DEFECTS[op.path] !== undefined) verdicts.set(op.path, defectOnly(answer) ? undefined : (nonConformance(answer) ?? 'valid, so remove it from SCHEMA_DEFECTS'))
      else verdicts.set(op.path, nonConformance(answer))
    }
  }, 240_000)
  afterAll(() => zoom?.close())

  it('answers every GET of the files with a body valid against its response schema', () => {
    expect(answers.size).toBe(catalog.gets.size - HAND_WRITTEN_GETS.size)
    expect(answers.size).toBeGreaterThan(750)
    const failures = [...verdicts].filter(([, why]) => why !== undefined).map(([path, why]) => `${answers.get(path)?.request ?? path}: ${why}`)
    expect(failures, failures.slice(0, 20).join('\n')).toEqual([])
  })

  it('pages a multi-page list with next_page_token to the end: every row once, page_size honoured and clamped', async () => {
    const multi = [...answers.values()].find((a) => a && a.op.pagination === 'next_page_token' && !a.op.path.includes('{') && (a.body as Record<string, unknown>).next_page_token)
    expect(multi, 'a top-level list longer than a page').toBeDefined()
    const { op } = multi!
    const { pages, rows } = await crawl(op.path, 7)
    expect(pages.length).toBeGreaterThan(2)
    for (const page of pages.slice(0, -1)) expect((page[op.listKey!] as unknown[]).length).toBe(7)
    const ids = rows.map((r) => JSON.stringify(r))
    expect(new Set(ids).size).toBe(ids.length)
    if ('total_records' in pages[0]!) expect(pages[0]!.total_records).toBe(rows.length)
    // One page at the largest size holds the same rows in the same order.
    const whole = await get(`${op.path}?page_size=100000`)
    const max = op.maxPageSize ?? 300
    expect(whole.body.page_size ?? max).toBe(max)
    expect((whole.body[op.listKey!] as unknown[]).map((r) => JSON.stringify(r))).toEqual(ids.slice(0, max))
    // A token is bound to its query and expires like Zoom's.
    const second = pages[0]!.next_page_token as string
    const filter = op.params.find((p) => p.in === 'query' && !p.required && !['page_size', 'next_page_token', 'page_number'].includes(p.name))
    if (filter !== undefined) expect((await get(`${op.path}?page_size=7&${filter.name}=other&next_page_token=${second}`)).body).toMatchObject({ code: 300 })
    expect((await get(`${op.path}?page_size=7&next_page_token=${second}`)).body[op.listKey!]).toEqual((pages[1]![op.listKey!]))
    zoom.advanceClock(15 * 60_000)
    expect((await get(`${op.path}?page_size=7&next_page_token=${second}`)).body).toMatchObject({ code: 300 })
    expect((await get(`${op.path}?next_page_token=not-a-token`)).status).toBe(400)
  })

  it('pages a page_number list', async () => {
    const op = generic().find((o) => o.pagination === 'page_number' && !o.path.includes('{'))!
    const all = await get(`${op.path}${sweep.requiredQuery(op)}${sweep.requiredQuery(op) ? '&' : '?'}page_size=4`)
    const two = await get(`${op.path}${sweep.requiredQuery(op)}${sweep.requiredQuery(op) ? '&' : '?'}page_size=2&page_number=2`)
    expect(two.status).toBe(200)
    expect(two.body[op.listKey!]).toEqual((all.body[op.listKey!] as unknown[]).slice(2, 4))
  })

  it('gives ids that the paths under a list accept, and the detail of the id asked for', async () => {
    const rooms = (await get('/rooms?page_size=300')).body.rooms as { id: string; name: string }[]
    expect(rooms.length).toBeGreaterThan(0)
    const room = rooms[rooms.length - 1]!
    const detail = await get(`/rooms/${room.id}`)
    expect(detail.status).toBe(200)
    // The detail is that room: its name is the list's.
    expect((detail.body.basic as { name: string }).name).toBe(room.name)
    expect((await get(`/rooms/${room.id}/devices`)).status).toBe(200)
    expect((await get(`/rooms/${room.id}/settings${sweep.requiredQuery(catalog.gets.get('/rooms/{id}/settings')!)}`)).status).toBe(200)

    const queues = (await crawl('/phone/call_queues')).rows as { id: string; name: string }[]
    for (const queue of queues.slice(0, 5)) {
      const one = await get(`/phone/call_queues/${queue.id}`)
      expect(one.body).toMatchObject({ id: queue.id, name: queue.name })
      const members = await get(`/phone/call_queues/${queue.id}/members`)
      expect(members.status).toBe(200)
      expect(Array.isArray(members.body.call_queue_members)).toBe(true)
    }

    const ccQueues = (await crawl('/contact_center/queues')).rows as { queue_id: string }[]
    expect((await get(`/contact_center/queues/${ccQueues[0]!.queue_id}`)).body).toMatchObject({ queue_id: ccQueues[0]!.queue_id })
    expect((await get(`/contact_center/queues/${ccQueues[0]!.queue_id}/agents`)).status).toBe(200)
  })

  it("takes the sandbox's users for /users/{userId}/… and /chat/users/{userId}/…: me, an id or an e-mail give the same answer", async () => {
    const owner = (await get('/users/me')).body as { id: string; email: string }
    const byMe = await get('/chat/users/me/channels')
    expect(byMe.status).toBe(200)
    expect((await get(`/chat/users/${owner.id}/channels`)).body).toEqual(byMe.body)
    expect((await get(`/chat/users/${encodeURIComponent(owner.email)}/channels`)).body).toEqual(byMe.body)
    const other = ((await get('/users?page_size=5')).body.users as { id: string }[])[3]!
    const channels = (await crawl(`/chat/users/${other.id}/channels`)).rows as { id: string }[]
    if (channels.length > 0) expect((await get(`/chat/users/${other.id}/channels/${channels[0]!.id}/members`)).status).toBe(200)
    expect((await get(`/users/${other.id}/settings`)).status).toBe(200)
    // A channel id of one user is not a channel of another.
    if (channels.length > 0) expect((await get(`/chat/users/me/channels/${channels[0]!.id}`)).status).toBe(404)
  })

  it("answers an unknown id with the 404 the operation's file documents", async () => {
    expect(await get('/rooms/nope/device_profiles').then((r) => [r.status, r.body])).toEqual([404, { code: 1012, message: 'Zoom Room ID does not exist: nope.' }])
    // Where the file documents no code, the HTTP status stands in for it.
    expect(await get('/rooms/nope/devices').then((r) => [r.status, r.body])).toEqual([404, { code: 404, message: 'Not Found: roomId nope does not exist.' }])
    const queue = ((await get('/phone/call_queues')).body.call_queues as { id: string }[])[0]!
    // An id from another list is no room.
    expect((await get(`/rooms/${queue.id}`)).status).toBe(404)
    expect((await get('/chat/users/nobody@example.com/channels')).body).toMatchObject({ code: 1001 })
    expect((await get('/users/nobody/settings')).status).toBe(404)
  })

  it('refuses a token without any scope the file accepts with 400/4711 naming them', async () => {
    const user = (await userTokens(zoom, 'userOAuth')).access_token
    const res = await get('/rooms', user)
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ code: 4711, message: 'Invalid access token, does not contain scopes:[room:read:admin, zoom_rooms:read:list_rooms:admin].' })
    const narrow = await startSandbox({ seed: 5, users: 10, plan: 'unlimited', apps: { s2s: { scopes: ADMIN_SCOPES } } })
    try {
      const token = (await s2sToken(narrow)).access_token
      const refused = await getJson(`${narrow.url}/v2/phone/call_queues`, token)
      expect(refused.status).toBe(400)
      expect(((await refused.json()) as { code: number }).code).toBe(4711)
      expect((await getJson(`${narrow.url}/v2/users`, token)).status).toBe(200)
    } finally {
      await narrow.close()
    }
  })

  it('counts each GET in the rate-limit category of its label', async () => {
    const pro = await startSandbox({ seed: 5, users: 10, plan: 'pro', now: () => NOW })
    try {
      const token = (await s2sToken(pro)).access_token
      const headers = async (path: string) => (await getJson(`${pro.url}/v2${path}`, token)).headers
      expect((await headers('/rooms')).get('x-ratelimit-category')).toBe('Medium')
      expect((await headers('/rooms/content/digital_signage/contents')).get('x-ratelimit-category')).toBe('Light')
      // Zoom Phone's own table: Medium is 10 a second on Pro, not the REST API's 20.
      const phone = await headers('/phone/call_queues')
      expect([phone.get('x-ratelimit-category'), phone.get('x-ratelimit-limit')]).toEqual(['Medium', '10'])
    } finally {
      await pro.close()
    }
  })

  it('is deterministic per seed', async () => {
    const again = await startSandbox({ seed: 5, users: 60, plan: 'unlimited', now: () => NOW })
    const other = await startSandbox({ seed: 6, users: 60, plan: 'unlimited', now: () => NOW })
    try {
      const body = async (z: Sandbox) => (await getJson(`${z.url}/v2/rooms?page_size=300`, (await s2sToken(z)).access_token)).text()
      const mine = JSON.stringify((await get('/rooms?page_size=300')).body)
      expect(JSON.stringify(JSON.parse(await body(again)))).toBe(mine)
      expect(JSON.stringify(JSON.parse(await body(other)))).not.toBe(mine)
    } finally {
      await Promise.all([again.close(), other.close()])
    }
  })

  it('serves nothing beyond the hand-written endpoints without the files', async () => {
    const bare = await startSandbox({ seed: 5, users: 10, plan: 'unlimited', openApiDir: '/nonexistent/zoom-openapi' })
    try {
      const token = (await s2sToken(bare)).access_token
      expect(await (await getJson(`${bare.url}/v2/rooms`, token)).json()).toEqual({ code: 2300, message: 'This API endpoint is not recognized.' })
      expect((await getJson(`${bare.url}/v2/users/me`, token)).status).toBe(200)
    } finally {
      await bare.close()
    }
  })

  it("the account-level apps' read scopes reach every GET, and none is left over", () => {
    const granted = new Set([...ADMIN_SCOPES, ...ZOOM_READ_SCOPES])
    const scopesOf = (op: ApiOperation) => [...op.scopes.classic, ...op.scopes.granular].map((s) => s.trim()).filter((s) => s !== '')
    const unreachable = [...catalog.gets.values()].filter((op) => scopesOf(op).length > 0 && !scopesOf(op).some((s) => granted.has(s))).map((op) => op.path)
    expect(unreachable).toEqual([])
    const used = new Set([...catalog.gets.values()].flatMap(scopesOf))
    expect(ZOOM_READ_SCOPES.filter((s) => !used.has(s))).toEqual([])
  })

  it('knows every literal GET path a hand-written route would otherwise take as a parameter', () => {
    const handWritten = new ApiRouter(OPERATIONS)
    const shadowed = [...catalog.gets.values()]
      .filter((op) => !op.path.includes('{'))
      .filter((op) => {
        const match = handWritten.match(op.path, 'get')
        return match !== undefined && match.op.path !== op.path
      })
      .map((op) => op.path)
    expect(shadowed.sort()).toEqual([...LITERAL_GETS_BESIDE_HAND_WRITTEN].sort())
  })

  it('lists have items of the schema, including some empty nested lists and some longer than a page', () => {
    const lists = [...answers.values()].filter((a): a is SweepAnswer => a !== undefined && a.op.listKey !== undefined && a.status === 200)
    const lengths = lists.map((a) => ((a.body as Record<string, unknown>)[a.op.listKey!] as unknown[] | undefined)?.length ?? -1)
    expect(lengths.filter((n) => n === 0).length).toBeGreaterThan(10)
    expect(lists.filter((a) => (a.body as Record<string, unknown>).next_page_token).length).toBeGreaterThan(10)
    // Every list answer has its rows under the list key.
    expect(lists.filter((a) => !Array.isArray((a.body as Record<string, unknown>)[a.op.listKey!])).map((a) => a.op.path)).toEqual([])
    expect(objectProperties(catalog.gets.get('/rooms')!.responseSchema).rooms).toBeDefined()
  })
})
