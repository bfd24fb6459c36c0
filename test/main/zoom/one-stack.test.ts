// Buffered and streamed requests of a profile share one HTTP stack: the same token refresh after a
// 401/124 and the same rate-limiter feedback, whichever way the body is read.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createZoomClients } from '../../../main/zoom'
import { startSandbox, type Sandbox } from '../../sandbox'
import { FAST_RETRY, FAST_TIMEOUTS, profileLookup, sandboxProfile, sandboxTokens } from './sandbox-helpers'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5, users: 20, plan: 'unlimited' })
})
afterAll(() => sandbox.close())
beforeEach(() => {
  sandbox.setFaults([])
  sandbox.resetStats()
})

function setup(rateLimiting = false) {
  const tokens = sandboxTokens(sandbox)
  const clients = createZoomClients({ tokens, profiles: profileLookup(sandboxProfile(sandbox)), retry: FAST_RETRY, timeouts: FAST_TIMEOUTS, rateLimiting })
  return { tokens, clients, client: clients.forProfile('p1') }
}

describe('one refresh path', () => {
  it('a streamed request (the console) renews a refused token once and sends again', async () => {
    const { tokens, client } = setup()
    await tokens.getAccessToken('p1')
    tokens.plant('not-a-valid-token')
    const response = await client.send({ method: 'GET', url: '/users/me' })
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body).email).toBe(sandbox.login.email)
    expect(tokens.forced).toBe(1)
    expect(sandbox.stats().apiTotal).toBe(2)
  })

  it('a caller’s own Authorization header is never refreshed', async () => {
    const { tokens, client } = setup()
    const response = await client.send({ method: 'GET', url: '/users/me', headers: [{ name: 'Authorization', value: 'Bearer not-a-valid-token' }] })
    expect(response.status).toBe(401)
    expect(tokens.forced).toBe(0)
    expect(tokens.mints).toBe(0)
  })
})

describe('one rate-limiter feedback path', () => {
  const rejected = (usage: { rejected: number }[]) => usage.reduce((sum, u) => sum + u.rejected, 0)
  it('a 429 answered to a buffered request reaches the limiter', async () => {
    const { clients, client } = setup(true)
    sandbox.setFaults([{ kind: 'rate-limit', retryAfter: 0, pathPrefix: '/v2/users/me', count: 1 }])
    await client.get('/users/me', { category: 'light' })
    expect(rejected(clients.rateUsage('p1'))).toBe(1)
  })

  it('a 429 answered to a streamed request (the console) reaches the limiter the same way', async () => {
    const { clients, client } = setup(true)
    sandbox.setFaults([{ kind: 'rate-limit', retryAfter: 0, pathPrefix: '/v2/users/me', count: 1 }])
    const response = await client.send({ method: 'GET', url: '/users/me' })
    expect(response.status).toBe(429)
    expect(rejected(clients.rateUsage('p1'))).toBe(1)
  })
})
