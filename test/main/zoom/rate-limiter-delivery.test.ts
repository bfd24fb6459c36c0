// A request that leaves late — its proxy looked up slowly, its connection and TLS handshake
// opened first — must count for Zoom's window from when it left, not from its slot: otherwise it
// lands in one window with requests whose slots were a whole window after its own, and the
// account sees more than its limit. Here a proxy hook holds the first four requests of a burst
// (the first slot and the three catch-up ones) 400 ms, the way a slow lookup would; the server
// notes when each request reaches it.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { BeforeRequestHook } from 'got'
import { createZoomClients } from '../../../main/zoom'
import { recordingServer, type RecordingServer } from '../../support/recording-server'
import { FAST_RETRY, FAST_TIMEOUTS, loopbackProfile, profileLookup } from './sandbox-helpers'

const HELD_MS = 400
const HELD_REQUESTS = 4
/** Pro's Heavy limit: ten a second, so four requests out of place are 400 ms of pacing. */
const LIMIT = 10

let server: RecordingServer
beforeAll(async () => {
  server = await recordingServer(() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{}' }))
})
afterAll(() => server.close())

it('paces a request held before it left from when it left, so no window of arrivals holds more than the limit', async () => {
  let held = 0
  const slowFirstLookups: BeforeRequestHook = async () => {
    if (held >= HELD_REQUESTS) return
    held++
    await new Promise((resolve) => setTimeout(resolve, HELD_MS))
  }
  const clients = createZoomClients({
    tokens: { getAccessToken: async () => ({ accessToken: 'delivery-test-token' }) },
    profiles: profileLookup(loopbackProfile(server.url, { ratePlan: 'pro' })),
    retry: FAST_RETRY,
    timeouts: FAST_TIMEOUTS,
    proxy: slowFirstLookups,
  })
  const client = clients.forProfile('p1')
  await Promise.all(Array.from({ length: 25 }, (_, i) => client.request({ path: `/heavy/${i}`, category: 'heavy' })))

  const arrivals = server.requests.map((r) => r.at).sort((a, b) => a - b)
  expect(arrivals).toHaveLength(25)
  // The eleventh arrival after any arrival must come a window later. Counting the held requests
  // from their slots, it came 600–700 ms after them (the four extra arrivals are four of the
  // 100 ms intervals); counted from when they left, 1,025 ms. 900 ms lies between, clear of the
  // event loop's jitter either way.
  const spans = arrivals.slice(LIMIT).map((at, i) => at - arrivals[i]!)
  expect(Math.min(...spans)).toBeGreaterThanOrEqual(900)
})
