// Every response the sandbox gives for the implemented operations, success and error, checked
// against Zoom's published OpenAPI files: success bodies against the operation's 200 schema
// with undeclared fields forbidden, error bodies against Zoom's error envelope with a status
// the operation documents (or 401/429, which Zoom answers on every endpoint).
import { Ajv } from 'ajv'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OPERATIONS, type Operation } from './api/catalog'
import { ApiRouter } from './api/router'
import { DAY_MS, isoDate } from './clock'
import { startSandbox, type Sandbox } from './index'
import { findOperation, OPENAPI_AVAILABLE, OPENAPI_DIR, responseValidator } from './openapi'
import { getJson, s2sToken, userTokens } from './testing'

const NOW = Date.UTC(2026, 8, 16, 14, 45) // a Wednesday
const router = new ApiRouter(OPERATIONS)
const errorEnvelope = new Ajv({ strict: false }).compile({
  type: 'object',
  required: ['code', 'message'],
  additionalProperties: false,
  properties: { code: { type: 'integer' }, message: { type: 'string', minLength: 1 }, errors: { type: 'array' } },
})

/**
 * The success status the file documents for the operation (200 for reads, 201 for creates, 204 for
 * most updates and deletes, 200 for PUT /users/{userId}/status); 200 for one not in the files.
 */
function successStatus(op: Operation): number {
  if (op.documentedAt !== undefined) return 200
  const documented = Object.keys(findOperation(op.spec, op.path, op.method ?? 'get')!.responses).find((status) => status.startsWith('2'))
  return Number(documented)
}
function isSuccess(op: Operation, status: number): boolean {
  return status === successStatus(op)
}
/** Whether the documented success has a JSON body (a 204, or the status PUT's 200, has none). */
function successHasBody(op: Operation): boolean {
  return findOperation(op.spec, op.path, op.method ?? 'get')!.responses[String(successStatus(op))]?.content?.['application/json']?.schema !== undefined
}

interface Exchange {
  op: Operation
  url: string
  status: number
  body: unknown
}

const title = OPENAPI_AVAILABLE
  ? `conformance with Zoom's OpenAPI files in ${OPENAPI_DIR}`
  : `conformance skipped: Zoom's OpenAPI files are not in ${OPENAPI_DIR}`

describe.skipIf(!OPENAPI_AVAILABLE)(title, () => {
  let zoom: Sandbox
  let admin: string
  let user: string
  const exchanges: Exchange[] = []

  /** A JSON body as text; a FormData body goes as multipart/form-data (fetch writes its boundary). */
  async function call(pathAndQuery: string, token: string | undefined = admin, method = 'GET', body?: string | FormData): Promise<Exchange> {
    const url = `${zoom.url}/v2${pathAndQuery}`
    const headers: Record<string, string> = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(typeof body === 'string' ? { 'content-type': 'application/json' } : {}) }
    const res = method === 'GET' ? await getJson(url, token) : await fetch(url, { method, headers, ...(body !== undefined ? { body } : {}) })
    const match = router.match(pathAndQuery.split('?')[0]!, method.toLowerCase())
    if (match === undefined) throw new Error(`no operation for ${method} ${pathAndQuery}`)
    expect(res.headers.get('x-zm-trackingid')).toBeTruthy()
    const text = await res.text()
    const exchange = { op: match.op, url, status: res.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) }
    exchanges.push(exchange)
    return exchange
  }

  async function pageTwo(pathAndQuery: string): Promise<void> {
    const first = await call(pathAndQuery)
    const token = (first.body as { next_page_token?: string }).next_page_token
    if (token) await call(`${pathAndQuery}${pathAndQuery.includes('?') ? '&' : '?'}next_page_token=${token}`)
  }

  beforeAll(async () => {
    zoom = await startSandbox({ seed: 31, users: 150, plan: 'unlimited', now: () => NOW })
    admin = (await s2sToken(zoom)).access_token
    user = (await userTokens(zoom, 'userOAuth')).access_token
    const day = (n: number) => isoDate(NOW + n * DAY_MS)

    // Successes, across the data's variety.
    for (const status of ['active', 'inactive', 'pending']) await pageTwo(`/users?status=${status}&page_size=40`)
    await call('/users?include_fields=custom_attributes')
    await call('/users?include_fields=host_key&role_id=2')
    const everyone: string[] = []
    for (const status of ['active', 'inactive', 'pending']) {
      const body = (await call(`/users?status=${status}&page_size=300`)).body as { users: { id: string }[] }
      everyone.push(...body.users.map((u) => u.id))
    }
    await call('/users/me', user)
    const meetingIds: number[] = []
    const recordingUuids: string[] = []
    for (const id of everyone) {
      await call(`/users/${id}`)
      for (const type of ['scheduled', 'upcoming', 'previous_meetings', 'live']) {
        const body = (await call(`/users/${id}/meetings?type=${type}`)).body as { meetings?: { id: number }[] }
        if (type === 'scheduled') meetingIds.push(...(body.meetings ?? []).map((m) => m.id))
      }
      await call(`/users/${id}/webinars`)
      const recordings = (await call(`/users/${id}/recordings?from=${day(-28)}&to=${day(0)}`)).body as { meetings?: { uuid: string }[] }
      recordingUuids.push(...(recordings.meetings ?? []).map((m) => m.uuid))
      await call(`/phone/users/${id}/call_history?from=${day(-6)}&to=${day(0)}`)
    }
    for (const id of meetingIds) await call(`/meetings/${id}`)
    await call('/report/daily')
    await call(`/report/daily?year=2026&month=7`)
    for (const type of ['active', 'inactive']) await pageTwo(`/report/users?type=${type}&from=${day(-14)}&to=${day(0)}&page_size=50`)
    for (const status of ['', 'activate', 'deactivate', 'pending']) await pageTwo(`/phone/users?page_size=20${status && `&status=${status}`}`)
    await pageTwo(`/phone/call_history?from=${day(-1)}&to=${day(0)}&page_size=300`)
    await call('/phone/call_history')
    await pageTwo(`/accounts/me/recordings?from=${day(-28)}&to=${day(0)}&page_size=30`)
    await call(`/accounts/${zoom.accountId}/recordings?from=${day(-7)}&to=${day(0)}`)
    const [trashed, deleted] = recordingUuids
    await call(`/meetings/${encodeURIComponent(trashed!)}/recordings?action=trash`, admin, 'DELETE')
    await call(`/meetings/${encodeURIComponent(deleted!)}/recordings?action=delete`, admin, 'DELETE')
    const created = (await call('/users/me/meetings', admin, 'POST', JSON.stringify({ topic: 'Conformance', type: 2, start_time: `${day(3)}T15:00:00Z`, duration: 45, agenda: 'Checks' }))).body as { id: number }
    await call(`/users/${everyone[2]}/meetings`, admin, 'POST', '{}')
    await call(`/meetings/${created.id}`)
    await call(`/meetings/${created.id}`, admin, 'PATCH', JSON.stringify({ topic: 'Conformance, renamed', duration: 30 }))
    await call(`/meetings/${created.id}`)
    await call(`/meetings/${created.id}`, admin, 'DELETE')
    await call(`/meetings/${meetingIds[0]}`, admin, 'DELETE')
    // Webinars: a user with the webinar add-on (the owner has it) creates, renames and deletes one.
    const webinar = (await call('/users/me/webinars', admin, 'POST', JSON.stringify({ topic: 'Conformance webinar', type: 5, start_time: `${day(5)}T16:00:00Z`, duration: 60 }))).body as { id: number }
    await call(`/webinars/${webinar.id}`, admin, 'PATCH', JSON.stringify({ topic: 'Renamed webinar', duration: 90 }))
    await call('/users/me/webinars')
    await call(`/webinars/${webinar.id}`, admin, 'DELETE')
    // Users: create (pending and active), change, deactivate and activate, delete.
    const made = (await call('/users', admin, 'POST', JSON.stringify({ action: 'create', user_info: { email: 'new.person@sandbox.example.com', type: 1, first_name: 'New', last_name: 'Person' } }))).body as { id: string }
    const auto = (await call('/users', admin, 'POST', JSON.stringify({ action: 'autoCreate', user_info: { email: 'auto.person@sandbox.example.com', type: 2, first_name: 'Auto' } }))).body as { id: string }
    await call('/users?status=pending&page_size=300')
    await call(`/users/${made.id}`)
    await call(`/users/${auto.id}`, admin, 'PATCH', JSON.stringify({ first_name: 'Automatic', dept: 'Research', job_title: 'Analyst' }))
    await call(`/users/${auto.id}`)
    await call(`/users/${auto.id}/status`, admin, 'PUT', JSON.stringify({ action: 'deactivate' }))
    await call('/users?status=inactive&page_size=300')
    await call(`/users/${auto.id}/status`, admin, 'PUT', JSON.stringify({ action: 'activate' }))
    await call(`/users/${made.id}`, admin, 'DELETE')
    await call(`/users/${auto.id}?action=delete`, admin, 'DELETE')

    // Uploads (multipart/form-data): a profile picture and a custom emoji, then the errors Zoom documents for them.
    const form = (parts: Record<string, string | [name: string, bytes: number]>) => {
      const body = new FormData()
      for (const [name, part] of Object.entries(parts)) {
        if (typeof part === 'string') body.append(name, part)
        else body.append(name, new Blob([new Uint8Array(part[1])]), part[0])
      }
      return body
    }
    await call('/users/me/picture', admin, 'POST', form({ pic_file: ['me.png', 1024] }))
    await call('/chat/emoji/files', admin, 'POST', form({ name: 'conformance_emoji', file: ['party.gif', 2048] }))
    await call('/users/me/picture', admin, 'POST', form({ pic_file: ['empty.png', 0] }))
    await call('/chat/emoji/files', admin, 'POST', form({ name: 'conformance_emoji', file: ['again.gif', 2048] }))
    await call('/chat/emoji/files', admin, 'POST', form({ name: 'no', file: ['short.gif', 2048] }))

    // Errors.
    await call(`/meetings/${encodeURIComponent(trashed!)}/recordings?action=trash`, admin, 'DELETE')
    await call('/meetings/no-such-meeting/recordings', admin, 'DELETE')
    await call(`/meetings/${encodeURIComponent(recordingUuids[2]!)}/recordings?action=shred`, admin, 'DELETE')
    await call(`/meetings/${encodeURIComponent(recordingUuids[2]!)}/recordings`, user, 'DELETE')
    await call(`/meetings/${created.id}`, admin, 'DELETE')
    await call(`/meetings/${created.id}`, admin, 'PATCH', '{"topic":"gone"}')
    await call('/users/does-not-exist/meetings', admin, 'POST', '{}')
    await call('/users/me/meetings', admin, 'POST', '{"type": 7}')
    await call('/users/me/meetings', admin, 'POST', 'not json')
    await call(`/meetings/${meetingIds[1]}`, admin, 'PATCH', '{"start_time": "soon"}')
    await call('/users/me', undefined)
    await call(`/webinars/${webinar.id}`, admin, 'PATCH', '{"topic":"gone"}')
    await call(`/webinars/${webinar.id}`, admin, 'DELETE')
    await call('/users/me/webinars', admin, 'POST', '{"type": 4}')
    await call('/users/nobody-here/webinars', admin, 'POST', '{}')
    const noPlan = everyone.find((id, k) => k > 0 && id !== undefined)!
    await call(`/users/${noPlan}/webinars`, admin, 'POST', '{}')
    await call('/users/me/webinars', user, 'POST', '{}')
    await call('/users', admin, 'POST', JSON.stringify({ action: 'create', user_info: { email: 'auto.person@sandbox.example.com', type: 1 } }))
    await call('/users', admin, 'POST', JSON.stringify({ action: 'create', user_info: { email: everyone.length > 0 ? 'x@y' : '', type: 1 } }))
    await call('/users', admin, 'POST', JSON.stringify({ action: 'create', user_info: { type: 1 } }))
    await call('/users', admin, 'POST', JSON.stringify({ action: 'invite', user_info: { email: 'z@sandbox.example.com', type: 1 } }))
    await call(`/users/${made.id}`, admin, 'PATCH', '{"first_name":"Gone"}')
    await call('/users/me', admin, 'PATCH', '{"type":"licensed"}')
    await call('/users/me/status', admin, 'PUT', '{"action":"deactivate"}')
    await call(`/users/${everyone[3]}/status`, admin, 'PUT', '{"action":"sleep"}')
    await call('/users/me', admin, 'DELETE')
    await call(`/users/${made.id}`, admin, 'DELETE')
    await call(`/users/${everyone[4]}`, user, 'DELETE')
    await call('/users', 'bogus')
    await call('/users', user)
    await call('/users/does-not-exist')
    await call('/users?next_page_token=bogus')
    await call('/users?status=deleted')
    await call('/meetings/42')
    await call(`/users/${everyone[1]}/meetings`, user)
    await call('/users/me/meetings?type=later')
    await call(`/users/me/recordings?from=${day(-60)}&to=${day(0)}`)
    await call('/users/me/recordings?from=yesterday')
    await call('/report/daily?year=2020&month=1')
    await call('/report/users?type=active')
    await call('/phone/users?next_page_token=bogus')
    await call('/accounts/me/recordings', user)
    await call('/accounts/someSubAccount/recordings')
    await call(`/accounts/me/recordings?from=${day(-300)}&to=${day(-290)}`)
    await call('/phone/call_history?next_page_token=bogus')
    await call(`/phone/call_history?from=${day(-300)}&to=${day(-290)}`)
    for (const id of everyone.slice(0, 40)) await call(`/users/${id}/webinars`)
    zoom.setPlan('free')
    await call('/report/daily')
    await Promise.all(Array.from({ length: 8 }, () => call('/users/me')))
    zoom.setPlan('unlimited')
    const expiring = (await s2sToken(zoom)).access_token
    zoom.advanceClock(3600_000)
    await call('/users/me', expiring)
  }, 60_000)
  afterAll(() => zoom.close())

  it('exercised every operation with successes and errors (including 401, 4711 and 429)', () => {
    for (const op of OPERATIONS) expect(exchanges.some((e) => e.op === op && isSuccess(op, e.status)), op.id).toBe(true)
    const statuses = new Set(exchanges.map((e) => e.status))
    for (const status of [400, 401, 404, 429]) expect(statuses.has(status), String(status)).toBe(true)
    expect(exchanges.some((e) => (e.body as { code?: number } | undefined)?.code === 4711)).toBe(true)
  })

  for (const op of OPERATIONS.filter((o) => o.documentedAt === undefined)) {
    it(`${op.id}: 200 bodies match the schema, with no undeclared fields`, () => {
      const successes = exchanges.filter((e) => e.op === op && isSuccess(op, e.status))
      const method = op.method ?? 'get'
      // A success without a documented body has no body at all.
      if (!successHasBody(op)) {
        for (const exchange of successes) expect(exchange.body, exchange.url).toBeUndefined()
        return
      }
      const validate = responseValidator(op.spec, op.path, true, String(successStatus(op)), method)
      for (const exchange of successes) {
        if (!validate(exchange.body)) throw new Error(`${exchange.url}: ${JSON.stringify(validate.errors?.slice(0, 5))}`)
      }
    })

    it(`${op.id}: error bodies are Zoom's envelope with a documented status`, () => {
      const documented = new Set(Object.keys(findOperation(op.spec, op.path, op.method ?? 'get')!.responses))
      for (const exchange of exchanges.filter((e) => e.op === op && !isSuccess(op, e.status))) {
        if (!errorEnvelope(exchange.body)) throw new Error(`${exchange.url}: ${JSON.stringify(errorEnvelope.errors)}`)
        const code = (exchange.body as { code: number }).code
        // 401/124, 429, and 400 with 300 (validation) or 4711 (scopes) are answered by every endpoint.
        const generic = exchange.status === 401 || exchange.status === 429 || (exchange.status === 400 && (code === 300 || code === 4711))
        expect(documented.has(String(exchange.status)) || generic, `${exchange.status} from ${exchange.url}`).toBe(true)
      }
    })
  }

  // The account-wide listing is not in the files: its page describes the user listing's envelope
  // and meetings, with each meeting's host_email besides (so that one field is allowed on top).
  it('getAccountCloudRecording: bodies are the user listing’s, with host_email; errors are Zoom’s envelope', () => {
    const op = OPERATIONS.find((o) => o.id === 'getAccountCloudRecording')!
    const validate = responseValidator('Meetings', '/users/{userId}/recordings', true)
    const successes = exchanges.filter((e) => e.op === op && e.status === 200)
    expect(successes.length).toBeGreaterThan(1)
    for (const exchange of successes) {
      const body = exchange.body as { meetings: Record<string, unknown>[] }
      expect(body.meetings.length, exchange.url).toBeGreaterThan(0)
      for (const meeting of body.meetings) expect(meeting.host_email, exchange.url).toMatch(/@/)
      const withoutEmail = { ...body, meetings: body.meetings.map(({ host_email: _, ...rest }) => rest) }
      if (!validate(withoutEmail)) throw new Error(`${exchange.url}: ${JSON.stringify(validate.errors?.slice(0, 5))}`)
    }
    const errors = exchanges.filter((e) => e.op === op && e.status !== 200)
    expect(errors.map((e) => `${e.status}/${(e.body as { code: number }).code}`).sort()).toEqual(['400/300', '400/4711', '404/2001'])
    for (const exchange of errors) expect(errorEnvelope(exchange.body), exchange.url).toBe(true)
  })
})
