// The sandbox answers webinar and user writes as Users.json and Meetings.json describe them, and
// what a write did shows in the lists afterwards: create, update, (de)activate, delete; bodies the
// request schemas refuse get Zoom's 400 / 300 with the fields named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DAY_MS, isoDate } from './clock'
import { startSandbox, type Sandbox } from './index'
import { OPENAPI_AVAILABLE, OPENAPI_DIR } from './openapi'
import { s2sToken, userTokens } from './testing'

const NOW = Date.UTC(2026, 8, 16, 14, 45)

interface Answer {
  status: number
  body: Record<string, unknown> | undefined
}

describe('sandbox: webinar and user writes', () => {
  let zoom: Sandbox
  let admin: string

  const send = async (method: string, path: string, body?: unknown, token = admin): Promise<Answer> => {
    const res = await fetch(`${zoom.url}/v2${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    })
    const text = await res.text()
    return { status: res.status, body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>) }
  }
  const list = async <T>(path: string, key: string): Promise<T[]> => ((await send('GET', path)).body![key] as T[])

  beforeAll(async () => {
    zoom = await startSandbox({ seed: 12, users: 40, plan: 'unlimited', now: () => NOW })
    admin = (await s2sToken(zoom)).access_token
  })
  afterAll(() => zoom.close())

  it('creates, renames and deletes a webinar, and the webinar list follows', async () => {
    const start = `${isoDate(NOW + 4 * DAY_MS)}T16:00:00Z`
    const created = await send('POST', '/users/me/webinars', { topic: 'Quarterly town hall', type: 5, start_time: start, duration: 45 })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ topic: 'Quarterly town hall', type: 5, start_time: start, duration: 45, host_email: expect.stringMatching(/@/) })
    const id = created.body!.id as number
    expect((await list<{ id: number; topic: string }>('/users/me/webinars', 'webinars')).find((w) => w.id === id)?.topic).toBe('Quarterly town hall')

    expect(await send('PATCH', `/webinars/${id}`, { topic: 'Town hall, moved', duration: 90 })).toEqual({ status: 204, body: undefined })
    expect((await list<{ id: number; topic: string; duration: number }>('/users/me/webinars', 'webinars')).find((w) => w.id === id)).toMatchObject({ topic: 'Town hall, moved', duration: 90 })

    expect(await send('DELETE', `/webinars/${id}`)).toEqual({ status: 204, body: undefined })
    expect((await list<{ id: number }>('/users/me/webinars', 'webinars')).some((w) => w.id === id)).toBe(false)
    expect(await send('DELETE', `/webinars/${id}`)).toEqual({ status: 404, body: { code: 3001, message: `Webinar does not exist: ${id}.` } })
  })

  it('answers webinar writes with Zoom’s errors: no webinar plan, unknown user, missing scope', async () => {
    const users = await list<{ id: string }>('/users?page_size=300', 'users')
    let withoutPlan: string | undefined
    for (const user of users.slice(1)) if ((await send('GET', `/users/${user.id}/webinars`)).status === 400) withoutPlan = user.id
    expect(withoutPlan).toBeDefined()
    expect(await send('POST', `/users/${withoutPlan}/webinars`, { topic: 'x' })).toMatchObject({ status: 400, body: { code: 200 } })
    expect(await send('POST', '/users/nobody/webinars', {})).toMatchObject({ status: 404, body: { code: 1001 } })
    const user = (await userTokens(zoom, 'userOAuth')).access_token
    expect(await send('POST', '/users/me/webinars', {}, user)).toMatchObject({ status: 400, body: { code: 4711 } })
  })

  it('creates a user (pending after create, active after autoCreate), changes it, deactivates and deletes it', async () => {
    const pending = await send('POST', '/users', { action: 'create', user_info: { email: 'Jo.Newcomer@sandbox.example.com', type: 1, first_name: 'Jo', last_name: 'Newcomer' } })
    expect(pending).toMatchObject({ status: 201, body: { email: 'jo.newcomer@sandbox.example.com', first_name: 'Jo', last_name: 'Newcomer', type: 1 } })
    expect((await list<{ email: string }>('/users?status=pending&page_size=300', 'users')).map((u) => u.email)).toContain('jo.newcomer@sandbox.example.com')
    expect((await send('GET', '/users/jo.newcomer@sandbox.example.com')).body).toMatchObject({ id: pending.body!.id, status: 'pending' })
    expect(await send('POST', '/users', { action: 'create', user_info: { email: 'jo.newcomer@sandbox.example.com', type: 1 } })).toEqual({
      status: 409,
      body: { code: 1005, message: 'Email "jo.newcomer@sandbox.example.com" has already been used.' },
    })

    const active = await send('POST', '/users', { action: 'autoCreate', user_info: { email: 'sam.quote"d@sandbox.example.com', type: 2, first_name: 'Sam' } })
    expect(active.status).toBe(201)
    const id = active.body!.id as string
    const activeUsers = () => list<{ id: string; first_name: string; dept: string; email: string }>('/users?page_size=300', 'users')
    expect((await activeUsers()).find((u) => u.id === id)).toMatchObject({ first_name: 'Sam', email: 'sam.quote"d@sandbox.example.com' })
    // A new user has no meetings or recordings of the seed's.
    expect((await list<unknown>(`/users/${id}/meetings`, 'meetings'))).toEqual([])

    expect(await send('PATCH', `/users/${id}`, { first_name: 'Samira', dept: 'Research' })).toEqual({ status: 204, body: undefined })
    expect((await activeUsers()).find((u) => u.id === id)).toMatchObject({ first_name: 'Samira', dept: 'Research' })

    expect(await send('PUT', `/users/${id}/status`, { action: 'deactivate' })).toEqual({ status: 200, body: undefined })
    expect((await activeUsers()).some((u) => u.id === id)).toBe(false)
    expect((await list<{ id: string }>('/users?status=inactive&page_size=300', 'users')).some((u) => u.id === id)).toBe(true)
    expect(await send('PUT', `/users/${id}/status`, { action: 'activate' })).toEqual({ status: 200, body: undefined })
    expect((await activeUsers()).some((u) => u.id === id)).toBe(true)

    expect(await send('DELETE', `/users/${id}?action=delete`)).toEqual({ status: 204, body: undefined })
    expect((await activeUsers()).some((u) => u.id === id)).toBe(false)
    expect(await send('GET', `/users/${id}`)).toMatchObject({ status: 404, body: { code: 1001 } })
    expect(await send('PATCH', `/users/${id}`, { first_name: 'Again' })).toMatchObject({ status: 404, body: { code: 1001 } })
  })

  it('keeps the owner and admins as Users.json says: no status change, no disassociation, the owner stays', async () => {
    expect(await send('PUT', '/users/me/status', { action: 'deactivate' })).toMatchObject({ status: 400, body: { code: 200 } })
    expect(await send('DELETE', '/users/me')).toMatchObject({ status: 400, body: { code: 200 } })
    const user = (await userTokens(zoom, 'userOAuth')).access_token
    expect(await send('POST', '/users', { action: 'create', user_info: { email: 'a@b.example', type: 1 } }, user)).toMatchObject({ status: 400, body: { code: 4711 } })
  })

  it.skipIf(!OPENAPI_AVAILABLE)(`checks bodies against the request schemas in ${OPENAPI_DIR}, naming the fields`, async () => {
    const missing = await send('POST', '/users', { action: 'create', user_info: { type: 1 } })
    expect(missing).toEqual({ status: 400, body: { code: 300, message: 'Validation Failed.', errors: [{ field: 'user_info.email', message: 'Missing field: user_info.email.' }] } })
    const badAction = await send('POST', '/users', { action: 'invite', user_info: { email: 'c@d.example', type: 1 } })
    expect(badAction.body).toMatchObject({ code: 300, errors: [{ field: 'action', message: 'Invalid field.' }] })
    expect((await send('PATCH', '/users/me', { type: 'licensed' })).body).toMatchObject({ code: 300, errors: [{ field: 'type' }] })
    expect((await send('PUT', '/users/me/status', {})).body).toMatchObject({ code: 300, errors: [{ field: 'action' }] })
    expect((await send('POST', '/users/me/webinars', { type: 4 })).body).toMatchObject({ code: 300, errors: [{ field: 'type' }] })
    expect((await send('POST', '/users/me/meetings', { duration: 'long' })).body).toMatchObject({ code: 300, errors: [{ field: 'duration' }] })
  })
})
