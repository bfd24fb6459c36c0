// The same test hooks over HTTP, for processes that only have the sandbox's URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from './index'
import { basicAuth, getJson, postForm, s2sToken } from './testing'

let zoom: Sandbox

beforeAll(async () => {
  zoom = await startSandbox({ seed: 13, users: 20, plan: 'unlimited' })
})
afterAll(() => zoom.close())

function admin(path: string, method = 'GET', body?: unknown): Promise<Response> {
  return fetch(`${zoom.url}/__admin${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) })
}

describe('admin routes', () => {
  it('sets, lists and clears faults', async () => {
    const token = (await s2sToken(zoom)).access_token
    const set = await admin('/faults', 'POST', { faults: [{ kind: 'status', status: 503, pathPrefix: '/v2/users', count: 1 }] })
    expect(set.status).toBe(200)
    expect((await getJson(`${zoom.url}/v2/users`, token)).status).toBe(503)
    expect((await getJson(`${zoom.url}/v2/users`, token)).status).toBe(200)
    await admin('/faults/add', 'POST', [{ kind: 'status', status: 500 }])
    const listed = (await (await admin('/faults')).json()) as { faults: { rule: { kind: string }; fired: number }[] }
    expect(listed.faults).toHaveLength(2)
    expect(listed.faults[0]!.fired).toBe(1)
    await admin('/faults', 'DELETE')
    expect((await getJson(`${zoom.url}/v2/users`, token)).status).toBe(200)
  })

  it('rejects malformed fault rules with 400', async () => {
    expect((await admin('/faults', 'POST', { faults: [{ kind: 'explode' }] })).status).toBe(400)
    expect((await admin('/faults', 'POST', 'not json')).status).toBe(400)
  })

  it('advances the clock, changes the plan and reports stats', async () => {
    const token = (await s2sToken(zoom)).access_token
    const before = ((await (await admin('/clock')).json()) as { now: number }).now
    const after = ((await (await admin('/clock', 'POST', { advanceMs: 3_600_000 })).json()) as { now: number }).now
    expect(after - before).toBeGreaterThanOrEqual(3_600_000)
    expect((await getJson(`${zoom.url}/v2/users/me`, token)).status).toBe(401)
    expect((await admin('/plan', 'POST', { plan: 'free' })).status).toBe(200)
    expect(((await (await getJson(`${zoom.url}/v2/report/daily`, (await s2sToken(zoom)).access_token)).json()) as { code: number }).code).toBe(200)
    await admin('/plan', 'POST', { plan: 'unlimited' })
    const stats = (await (await admin('/stats')).json()) as { tokenRequests: Record<string, number> }
    expect(stats.tokenRequests.account_credentials).toBeGreaterThan(0)
    await admin('/stats/reset', 'POST')
    expect(((await (await admin('/stats')).json()) as { apiTotal: number }).apiTotal).toBe(0)
  })

  it('issues codes and revokes all grants', async () => {
    const { code } = (await (await admin('/codes', 'POST', { app: 'userOAuth' })).json()) as { code: string }
    const { clientId, clientSecret, redirectUri } = zoom.apps.userOAuth
    const res = await postForm(`${zoom.url}/oauth/token`, { grant_type: 'authorization_code', code, redirect_uri: redirectUri }, { authorization: basicAuth(clientId, clientSecret) })
    const { access_token } = (await res.json()) as { access_token: string }
    expect((await getJson(`${zoom.url}/v2/users/me`, access_token)).status).toBe(200)
    await admin('/revoke-all', 'POST')
    expect((await getJson(`${zoom.url}/v2/users/me`, access_token)).status).toBe(401)
  })

  it('sets a base latency', async () => {
    await admin('/latency', 'POST', { ms: 80 })
    const started = performance.now()
    await fetch(`${zoom.url}/v2/users/me`)
    expect(performance.now() - started).toBeGreaterThanOrEqual(75)
    await admin('/latency', 'POST', { ms: 0 })
  })
})
