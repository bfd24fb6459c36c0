// An operation Zoom's files document that the sandbox does not serve is refused as "not emulated",
// not with Zoom's 404/2300 "endpoint not recognized" (which would tell a client that Zoom has no
// such endpoint). Checked with Zoom's own Node SDK (@zoom/rivet), whose endpoint list is Zoom's.
import { UsersS2SAuthClient } from '@zoom/rivet/users'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from './index'
import { OPENAPI_AVAILABLE } from './openapi'
import { getJson, s2sToken } from './testing'

describe.skipIf(!OPENAPI_AVAILABLE)('operations Zoom documents that the sandbox does not serve', () => {
  let zoom: Sandbox
  let rivet: UsersS2SAuthClient
  let token: string

  beforeAll(async () => {
    zoom = await startSandbox({ seed: 5, users: 10, plan: 'unlimited' })
    token = (await s2sToken(zoom)).access_token
    // Rivet's OAuth host is fixed to zoom.us: its token store is given a sandbox token instead.
    rivet = new UsersS2SAuthClient({
      ...zoom.apps.s2s,
      disableReceiver: true,
      baseUrl: `${zoom.url}/v2`,
      tokenStore: { getLatestToken: () => ({ accessToken: token, expirationTimeIso: new Date(Date.now() + 3_000_000).toISOString(), scopes: [] }), storeToken: () => undefined },
    })
  })
  afterAll(() => zoom.close())

  it('refuses a documented write it does not emulate, saying so', async () => {
    await expect(rivet.endpoints.groups.createGroup({ body: { name: 'Sales' } })).rejects.toThrow('[400/300]: "The sandbox does not emulate POST /groups (not emulated)."')
    await expect(rivet.endpoints.groups.deleteGroup({ path: { groupId: 'abc' } })).rejects.toThrow('(not emulated)')
  })

  it('still checks the token first, as Zoom does', async () => {
    const res = await fetch(`${zoom.url}/v2/groups`, { method: 'POST', body: '{}' })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ code: 124, message: 'Invalid access token.' })
  })

  it('answers Zoom’s 404/2300 for a path or method no file documents', async () => {
    expect(await (await getJson(`${zoom.url}/v2/no_such_thing`, token, { method: 'POST' })).json()).toEqual({ code: 2300, message: 'This API endpoint is not recognized.' })
    expect(await (await getJson(`${zoom.url}/v2/groups`, token, { method: 'PUT' })).json()).toEqual({ code: 2300, message: 'This API endpoint is not recognized.' })
  })

  it('goes on serving what it emulates', async () => {
    expect((await rivet.endpoints.users.getUser({ path: { userId: 'me' } })).statusCode).toBe(200)
  })
})
