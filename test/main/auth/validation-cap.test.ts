// "Test connection" reads the validation URL's answer into memory: an answer past the cap is
// dropped as it arrives (a typed failure), never read to its end.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validateToken } from '../../../main/auth/validation'
import { systemClock } from '../../../main/ports'

let server: Server
let host: string

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.write('{"id":"')
    const chunk = Buffer.alloc(64 * 1024, 0x61)
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once('drain', pump)
    }
    pump()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

describe('validation answer size', () => {
  it('an endless answer ends the test with ZOOM_RESPONSE_INVALID, not a full memory', async () => {
    const result = await validateToken({ url: `http://${host}/v2/users/me`, accessToken: 'token-for-validation-cap', allowedDomains: [host], clock: systemClock, timeoutMs: 60_000 })
    expect(result.ok).toBe(false)
    expect(result.error?.code).toBe('ZOOM_RESPONSE_INVALID')
    expect(result.error?.message).toMatch(/larger than/)
  })
})
