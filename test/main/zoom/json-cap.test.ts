// A list page is read whole into memory before it is parsed, so an answer far larger than any
// page (a broken proxy, a server gone wrong) is dropped as it arrives, with a typed error,
// instead of filling main's memory; the same client still reads ordinary answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Profile } from '../../../common/profile'
import { createZoomClients } from '../../../main/zoom'
import { caught } from '../../support/caught'
import { serveEndless, type EndlessServer } from '../../support/endless-server'
import { FAST_RETRY, FAST_TIMEOUTS, loopbackProfile, profileLookup } from './sandbox-helpers'

let server: EndlessServer
let url: string

beforeAll(async () => {
  // An answer that never ends: `{"users":[{},{},…` for as long as anyone reads.
  server = await serveEndless({ head: '{"users":[', chunk: Buffer.from('{},'.repeat(20_000)), endless: (req) => req.url?.startsWith('/v2/endless') === true, ordinary: '{"users":[]}' })
  url = server.url
})
afterAll(() => server.close())

function profile(): Profile {
  return loopbackProfile(url)
}

describe('buffered JSON answers', () => {
  it('drops an answer past the cap with ZOOM_RESPONSE_INVALID, and reads the next one', async () => {
    const client = createZoomClients({
      tokens: { getAccessToken: async () => ({ accessToken: 'token-for-json-cap' }) },
      profiles: profileLookup(profile()),
      retry: FAST_RETRY,
      // Long enough that only the cap can end the endless answer.
      timeouts: { ...FAST_TIMEOUTS, read: 60_000 },
      maxJsonBytes: 2 * 1024 * 1024,
    }).forProfile('p1')
    const error = await caught(client.get('/endless'))
    expect(error.code).toBe('ZOOM_RESPONSE_INVALID')
    expect(error.message).toMatch(/larger than any page/)
    expect(await client.get('/users')).toEqual({ users: [] })
  })
})
