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
})
