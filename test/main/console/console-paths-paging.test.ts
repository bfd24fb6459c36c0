// The console fills path parameters like {userId} instead of sending them literally, and pages
// with Zoom's next_page_token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { consoleRequestSchema, type ConsoleRequest } from '../../../common/contract/console'
import { ConsoleService, memoryConsoleHistory } from '../../../main/console'
import { createConsoleHandlers } from '../../../main/ipc/handlers/console'
import { createZoomClients } from '../../../main/zoom'
import { startSandbox, type Sandbox } from '../../sandbox'
import { caught } from '../../support/caught'
import { FAST_RETRY, FAST_TIMEOUTS, profileLookup, sandboxProfile, sandboxTokens } from '../zoom/sandbox-helpers'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 3, users: 30, plan: 'unlimited' })
})
afterAll(() => sandbox.close())

function setup() {
  const history = memoryConsoleHistory()
  const clients = createZoomClients({ tokens: sandboxTokens(sandbox), profiles: profileLookup(sandboxProfile(sandbox)), retry: FAST_RETRY, timeouts: FAST_TIMEOUTS })
  const handlers = createConsoleHandlers(new ConsoleService({ clients, history }))
  const send = (request: Omit<ConsoleRequest, 'profileId'>) => handlers['console.send'](consoleRequestSchema.parse({ profileId: 'p1', ...request }), {})
  return { send, history }
}

describe('console path parameters and paging', () => {
  it('fills {userId} from the path parameters, encoded', async () => {
    const { send } = setup()
    const users = JSON.parse((await send({ method: 'GET', url: '/users', query: [{ name: 'page_size', value: '3' }] })).body) as { users: { id: string; email: string }[] }
    const someone = users.users[1]!
    const response = await send({ method: 'GET', url: '/users/{userId}', pathParams: [{ name: 'userId', value: someone.email }] })
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body).id).toBe(someone.id)
  })

  it('refuses a placeholder left empty instead of sending it literally, and records nothing', async () => {
    const { send, history } = setup()
    sandbox.resetStats()
    const error = await caught(send({ method: 'GET', url: '/users/{userId}/meetings', pathParams: [{ name: 'userId', value: ' ' }] }))
    expect(error).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'pathParams.userId' }] } })
    expect(sandbox.stats().apiTotal).toBe(0)
    expect(await history.list()).toEqual([])
  })

  it('refuses "." and ".." as a path parameter (a URL parser walks up the path with them, encoded or not)', async () => {
    const { send, history } = setup()
    sandbox.resetStats()
    for (const value of ['..', '.', ' .. ']) {
      const error = await caught(send({ method: 'DELETE', url: '/users/{userId}/meetings', pathParams: [{ name: 'userId', value }] }))
      expect(error).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'pathParams.userId' }] } })
    }
    expect(sandbox.stats().apiTotal).toBe(0)
    expect(await history.list()).toEqual([])
  })

  it('returns next_page_token and fetches the next page with it', async () => {
    const { send } = setup()
    const first = await send({ method: 'GET', url: '/users', query: [{ name: 'page_size', value: '10' }] })
    expect(first.nextPageToken).toEqual(expect.any(String))
    const second = await send({ method: 'GET', url: '/users', query: [{ name: 'page_size', value: '10' }], nextPageToken: first.nextPageToken })
    const ids = (body: string) => (JSON.parse(body) as { users: { id: string }[] }).users.map((u) => u.id)
    expect(second.status).toBe(200)
    expect(ids(second.body)).toHaveLength(10)
    expect(ids(second.body).some((id) => ids(first.body).includes(id))).toBe(false)
  })

  it('creates a meeting with POST /users/me/meetings, finds it in the list, updates and deletes it', async () => {
    const { send } = setup()
    const created = await send({ method: 'POST', url: '/users/me/meetings', body: JSON.stringify({ topic: 'Quarterly review', type: 2, start_time: '2030-01-15T10:00:00Z', duration: 45 }) })
    expect(created.status).toBe(201)
    const meeting = JSON.parse(created.body) as { id: number; topic: string; join_url: string }
    expect(meeting.topic).toBe('Quarterly review')
    const listed = async () => (JSON.parse((await send({ method: 'GET', url: '/users/me/meetings', query: [{ name: 'page_size', value: '300' }] })).body) as { meetings: { id: number; topic: string }[] }).meetings
    expect((await listed()).find((m) => m.id === meeting.id)).toMatchObject({ topic: 'Quarterly review' })

    expect((await send({ method: 'PATCH', url: '/meetings/{meetingId}', pathParams: [{ name: 'meetingId', value: String(meeting.id) }], body: '{"topic":"Quarterly review (moved)"}' })).status).toBe(204)
    expect((await listed()).find((m) => m.id === meeting.id)?.topic).toBe('Quarterly review (moved)')
    expect((await send({ method: 'DELETE', url: `/meetings/${meeting.id}` })).status).toBe(204)
    expect((await listed()).some((m) => m.id === meeting.id)).toBe(false)
    const gone = await send({ method: 'GET', url: `/meetings/${meeting.id}` })
    expect(gone.status).toBe(404)
    expect(JSON.parse(gone.body).code).toBe(3001)
  })
})
