// Public documents (Zoom's event schema files) are read into memory: an answer past the cap is
// dropped as it arrives, never read to its end; an ordinary one is read whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPublicTextFetcher, httpsDowngrade, publicDocumentHooks } from '../../../main/net/public-text'
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

  it('refuses a redirect to plain http in the hooks every public-document request uses, naming the document', () => {
    const [refuse] = publicDocumentHooks(undefined, "Zoom's accounts API file").beforeRedirect ?? []
    if (!refuse) throw new Error('no beforeRedirect hook')
    const redirect = (to: string) => () => refuse({ url: new URL(to) } as never, { url: 'https://developers.zoom.us/a.json' } as never)
    let error: unknown
    try {
      redirect('http://developers.zoom.us/a.json')()
    } catch (thrown) {
      error = thrown
    }
    expect(error).toMatchObject({ code: 'NETWORK', message: "Zoom's accounts API file: a redirect to plain http was refused." })
    expect(redirect('https://cdn.zoom.us/a.json')).not.toThrow()
  })
})
