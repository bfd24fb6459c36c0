// "Test connection" reads the validation URL's answer into memory: an answer past the cap is
// dropped as it arrives (a typed failure), never read to its end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validateToken } from '../../../main/auth/validation'
import { systemClock } from '../../../main/ports'
import { serveEndless, type EndlessServer } from '../../support/endless-server'

let server: EndlessServer
let host: string

beforeAll(async () => {
  server = await serveEndless({ head: '{"id":"', chunk: Buffer.alloc(64 * 1024, 0x61) })
  host = server.host
})
afterAll(() => server.close())

describe('validation answer size', () => {
  it('an endless answer ends the test with ZOOM_RESPONSE_INVALID, not a full memory', async () => {
    const result = await validateToken({ url: `http://${host}/v2/users/me`, accessToken: 'token-for-validation-cap', allowedDomains: [host], clock: systemClock, timeoutMs: 60_000 })
    expect(result.ok).toBe(false)
    expect(result.error?.code).toBe('ZOOM_RESPONSE_INVALID')
    expect(result.error?.message).toMatch(/larger than/)
  })
})
