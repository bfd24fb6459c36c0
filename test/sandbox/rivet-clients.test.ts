// Zoom's own Node SDK (@zoom/rivet) as referee: its S2S and user-OAuth clients, pointed at the
// sandbox, must get tokens, call the API, page and read errors exactly as they do against Zoom.
import { ApiResponseError, UsersOAuthClient, UsersS2SAuthClient } from '@zoom/rivet/users'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from './index'
import { rivetAuth, routeRivetOAuthTo } from '../support/rivet-oauth'

interface S2SToken { accessToken: string; expirationTimeIso: string; scopes: string[] }
interface UserToken extends S2SToken { refreshToken: string }

/** Rivet's TokenStore interface, kept in memory so the test can see what rivet stored. */
class Store<T extends S2SToken = S2SToken> {
  token: T | undefined
  getLatestToken = (): T | undefined => this.token
  storeToken = (token: T): void => { this.token = token }
}

let zoom: Sandbox
let unroute: () => void

beforeAll(async () => {
  zoom = await startSandbox({ seed: 21, users: 75, plan: 'unlimited' })
  unroute = routeRivetOAuthTo(zoom.url)
})
afterAll(async () => {
  unroute()
  await zoom.close()
})

function s2sClient(store = new Store()): UsersS2SAuthClient {
  return new UsersS2SAuthClient({ ...zoom.apps.s2s, tokenStore: store, disableReceiver: true, baseUrl: `${zoom.url}/v2` })
}

describe('rivet S2S client against the sandbox', () => {
  it('gets an account_credentials token and calls the API with it', async () => {
    const store = new Store()
    const rivet = s2sClient(store)
    const me = await rivet.endpoints.users.getUser({ path: { userId: 'me' } })
    expect(me.statusCode).toBe(200)
    expect(me.trackingId).toBeTruthy()
    expect(store.token?.accessToken).toBeTruthy()
    expect(store.token?.scopes.length).toBeGreaterThan(0)
  })

  it('pages through every user with next_page_token, ending on an empty token', async () => {
    const rivet = s2sClient()
    const ids = new Set<string>()
    let token: string | undefined
    let pages = 0
    let total: number | undefined
    do {
      const { data } = await rivet.endpoints.users.listUsers({ query: { page_size: 30, ...(token ? { next_page_token: token } : {}) } })
      for (const u of data?.users ?? []) ids.add(u.id!)
      token = data?.next_page_token
      pages++
      total ??= data?.total_records
      expect(data?.total_records).toBe(total)
    } while (token !== undefined && token !== '' && pages < 10)
    expect(token).toBe('')
    expect(total).toBeGreaterThan(30)
    expect(pages).toBe(Math.ceil(total! / 30))
    expect(ids.size).toBe(total)
  })

  it('reads Zoom’s {code, message} error body into its [status/code] message', async () => {
    const rivet = s2sClient()
    const failure = rivet.endpoints.users.getUser({ path: { userId: 'nobody@example.invalid' } })
    await expect(failure).rejects.toBeInstanceOf(ApiResponseError)
    await expect(failure).rejects.toThrow(/^\[404\/1001\]: "User does not exist: nobody@example\.invalid\."$/)
  })

  it('reads a 429 as a Zoom error, not a bodyless failure', async () => {
    const rivet = s2sClient()
    await rivet.endpoints.users.getUser({ path: { userId: 'me' } })
    zoom.setFaults([{ kind: 'rate-limit', pathPrefix: '/v2/users', count: 1, rateLimitType: 'daily' }])
    try {
      await expect(rivet.endpoints.users.getUser({ path: { userId: 'me' } })).rejects.toThrow(/^\[429\/429\]: "You have reached the maximum daily rate limit/)
    } finally {
      zoom.setFaults([])
    }
  })

  it('is refused with a wrong account id, as Zoom refuses it', async () => {
    const rivet = new UsersS2SAuthClient({ ...zoom.apps.s2s, accountId: 'not-this-account', disableReceiver: true, baseUrl: `${zoom.url}/v2` })
    await expect(rivet.endpoints.users.getUser({ path: { userId: 'me' } })).rejects.toThrow(/status code 400/)
  })
})

describe('rivet user-OAuth client against the sandbox', () => {
  function userClient(store: Store<UserToken>): UsersOAuthClient {
    const { clientId, clientSecret, redirectUri } = zoom.apps.userOAuth
    return new UsersOAuthClient({
      clientId, clientSecret, tokenStore: store, disableReceiver: true, baseUrl: `${zoom.url}/v2`,
      // Rivet joins redirectUriPath onto redirectUri; the two together are the registered URI.
      installerOptions: { redirectUri, redirectUriPath: new URL(redirectUri).pathname, stateStore: 'a-state-secret-for-the-test-only' },
    })
  }

  it('exchanges a code for tokens in the shape it requires, and calls the API', async () => {
    const store = new Store<UserToken>()
    const rivet = userClient(store)
    await rivetAuth(rivet).initRedirectCode(zoom.issueCode({ app: 'userOAuth' }))
    expect(store.token?.refreshToken).toBeTruthy()
    expect((await rivet.endpoints.users.getUser({ path: { userId: 'me' } })).statusCode).toBe(200)
  })

  it('refreshes a nearly expired token, and the rotated-out refresh token stops working', async () => {
    const store = new Store<UserToken>()
    const rivet = userClient(store)
    await rivetAuth(rivet).initRedirectCode(zoom.issueCode({ app: 'userOAuth' }))
    const first = store.token!
    // Rivet refreshes when under 60 s remain; mark the stored token as almost expired.
    store.token = { ...first, expirationTimeIso: new Date(Date.now() + 1000).toISOString() }
    expect((await rivet.endpoints.users.getUser({ path: { userId: 'me' } })).statusCode).toBe(200)
    expect(store.token.refreshToken).not.toBe(first.refreshToken)
    expect(store.token.accessToken).not.toBe(first.accessToken)
    await expect(rivetAuth(rivet).refreshAccessToken(first.refreshToken)).rejects.toThrow('Failed to refresh OAuth token.')
  })

  it('is refused a code issued for another redirect URI', async () => {
    const rivet = userClient(new Store<UserToken>())
    const { redirectUri } = zoom.apps.userOAuth
    const other = `${redirectUri}/elsewhere`
    await expect(rivetAuth(rivet).initRedirectCode(zoom.issueCode({ app: 'userOAuth', redirectUri: other }))).rejects.toThrow('Failed to fetch OAuth token.')
  })
})
