// How many console requests main carries at once. Each keeps up to the response limit (2 MB) in
// memory until its answer is complete, and a page can call console.send as often as it likes
// without waiting for answers: a thousand requests to a slow or large answer (a recording's
// download URL is an absolute URL within *.zoom.us, not paced by the API rate limiter) would hold
// gigabytes in main. Beyond a few at once, a send is refused before anything is sent.
import { createServer, type ServerResponse, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { consoleRequestSchema, type ConsoleRequest } from '../../../common/contract/console'
import { ConsoleService, memoryConsoleHistory } from '../../../main/console'
import { createConsoleHandlers } from '../../../main/ipc/handlers/console'
import { createZoomClients } from '../../../main/zoom'
import { caught } from '../../support/caught'
import { FAST_RETRY, FAST_TIMEOUTS, loopbackProfile, profileLookup } from '../zoom/sandbox-helpers'

/** The service's MAX_CONSOLE_IN_FLIGHT: 8 answers of at most 2 MB each. */
const MAX_CONSOLE_IN_FLIGHT = 8
let server: Server
let url: string
/** Requests the server holds unanswered, and who waits for their number to reach a count. */
const held: ServerResponse[] = []
let onArrival: (() => void) | undefined

beforeAll(async () => {
  server = createServer((_req, res) => {
    held.push(res)
    onArrival?.()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

/** Resolves once the server holds `count` requests. */
function arrived(count: number): Promise<'arrived'> {
  return new Promise((resolve) => {
    const check = () => {
      if (held.length >= count) resolve('arrived')
    }
    onArrival = check
    check()
  })
}

function release(): void {
  for (const res of held.splice(0)) {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end('{}')
  }
}

describe('console requests in flight', () => {
  it(`are at most ${MAX_CONSOLE_IN_FLIGHT}: one more is refused at once, nothing sent or recorded; when they end, sending works again`, async () => {
    // The client's idle timeout must not end the held requests before the test does.
    const clients = createZoomClients({ tokens: { getAccessToken: async () => ({ accessToken: 'in-flight-token-1a2b3c' }) }, profiles: profileLookup(loopbackProfile(url)), retry: FAST_RETRY, timeouts: { ...FAST_TIMEOUTS, response: 60_000, idle: 60_000 } })
    const history = memoryConsoleHistory()
    const handlers = createConsoleHandlers(new ConsoleService({ clients, history }))
    const send = async (request: Omit<ConsoleRequest, 'profileId'>) => handlers['console.send'](consoleRequestSchema.parse({ profileId: 'p1', ...request }), {})

    const first = Array.from({ length: MAX_CONSOLE_IN_FLIGHT }, () => send({ method: 'GET', url: '/slow' }))
    await arrived(MAX_CONSOLE_IN_FLIGHT)
    const extra = send({ method: 'GET', url: '/slow' })
    // Refused without reaching the server: it settles while the others are still held.
    expect(await Promise.race([extra.then(() => 'answered', () => 'refused'), arrived(MAX_CONSOLE_IN_FLIGHT + 1)])).toBe('refused')
    const error = await caught(extra)
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toMatch(/requests are already on their way/)
    expect(held).toHaveLength(MAX_CONSOLE_IN_FLIGHT)
    expect(history.list()).toEqual([])

    release()
    expect((await Promise.all(first)).map((r) => r.status)).toEqual(Array.from({ length: MAX_CONSOLE_IN_FLIGHT }, () => 200))
    const after = send({ method: 'GET', url: '/slow' })
    await arrived(1)
    release()
    expect((await after).status).toBe(200)
  })
})
