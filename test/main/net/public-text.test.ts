// Public documents (Zoom's event schema files) are read into memory: an answer past the cap is
// dropped as it arrives, never read to its end; an ordinary one is read whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPublicTextFetcher, httpsDowngrade } from '../../../main/net/public-text'
import { caught } from '../../support/caught'
import { serveEndless, type EndlessServer } from '../../support/endless-server'

let server: EndlessServer
let url: string

beforeAll(async () => {
  server = await serveEndless({ chunk: Buffer.alloc(64 * 1024, 0x20), endless: (req) => req.url === '/endless', ordinary: '{"webhooks":{}}' })
  url = server.url
})
afterAll(() => server.close())

describe('public documents as text', () => {
  it('drops an endless answer at the cap with NETWORK, and reads an ordinary one', async () => {
    const fetchText = createPublicTextFetcher({ maxBytes: 1024 * 1024, timeoutMs: 60_000 })
    const error = await caught(fetchText(`${url}/endless`))
    expect(error.code).toBe('NETWORK')
    expect(error.message).toMatch(/more than 1 MB/)
    expect(await fetchText(`${url}/ok`)).toBe('{"webhooks":{}}')
  })

  it('counts only https → http as a downgrade', () => {
    expect(httpsDowngrade(new URL('https://developers.zoom.us/a'), new URL('http://developers.zoom.us/a'))).toBe(true)
    expect(httpsDowngrade(new URL('https://developers.zoom.us/a'), new URL('https://cdn.zoom.us/a'))).toBe(false)
  })
})
