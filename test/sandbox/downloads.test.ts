import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DAY_MS, isoDate } from './clock'
import { parseRange } from './downloads'
import { startSandbox, type Sandbox } from './index'
import { getJson, s2sToken, userTokens } from './testing'

const NOW = Date.UTC(2026, 2, 4, 12)
let zoom: Sandbox
let admin: string
let file: { download_url: string; file_size: number }
let hostId: string

beforeAll(async () => {
  zoom = await startSandbox({ seed: 9, users: 120, plan: 'unlimited', now: () => NOW })
  admin = (await s2sToken(zoom)).access_token
  const users = ((await (await getJson(`${zoom.url}/v2/users?page_size=300`, admin)).json()) as { users: { id: string }[] }).users
  for (const user of users) {
    const page = (await (await getJson(`${zoom.url}/v2/users/${user.id}/recordings?from=${isoDate(NOW - 28 * DAY_MS)}&to=${isoDate(NOW)}`, admin)).json()) as { meetings: { host_id: string; recording_files: typeof file[] }[] }
    const first = page.meetings[0]
    if (first !== undefined) {
      file = first.recording_files[0]!
      hostId = first.host_id
      break
    }
  }
})
afterAll(() => zoom.close())

describe('recording downloads', () => {
  it('serves exactly file_size deterministic bytes', async () => {
    const res = await getJson(file.download_url, admin)
    expect(res.status).toBe(200)
    expect(res.headers.get('accept-ranges')).toBe('bytes')
    const bytes = Buffer.from(await res.arrayBuffer())
    expect(bytes.length).toBe(file.file_size)
    const again = Buffer.from(await (await getJson(file.download_url, admin)).arrayBuffer())
    expect(again.equals(bytes)).toBe(true)
    expect(new Set(bytes.subarray(0, 4096)).size).toBeGreaterThan(200)
  })

  it('honours Range with 206 and Content-Range, matching the full body', async () => {
    const full = Buffer.from(await (await getJson(file.download_url, admin)).arrayBuffer())
    const start = 12_345
    const res = await getJson(file.download_url, admin, { headers: { range: `bytes=${start}-` } })
    expect(res.status).toBe(206)
    expect(res.headers.get('content-range')).toBe(`bytes ${start}-${file.file_size - 1}/${file.file_size}`)
    expect(Buffer.from(await res.arrayBuffer()).equals(full.subarray(start))).toBe(true)
    const middle = await getJson(file.download_url, admin, { headers: { range: 'bytes=5-9' } })
    expect(Buffer.from(await middle.arrayBuffer()).equals(full.subarray(5, 10))).toBe(true)
    const beyond = await getJson(file.download_url, admin, { headers: { range: `bytes=${file.file_size}-` } })
    expect(beyond.status).toBe(416)
    expect(beyond.headers.get('content-range')).toBe(`bytes */${file.file_size}`)
  })

  it('sends no validator, so a Range with an If-Range gets the whole file (RFC 9110 §13.1.5)', async () => {
    const plain = await getJson(file.download_url, admin)
    expect(plain.headers.get('etag')).toBeNull()
    expect(plain.headers.get('last-modified')).toBeNull()
    await plain.arrayBuffer()
    const res = await getJson(file.download_url, admin, { headers: { range: 'bytes=100-', 'if-range': '"any"' } })
    expect(res.status).toBe(200)
    expect(Buffer.from(await res.arrayBuffer()).length).toBe(file.file_size)
  })

  it('needs a valid token with a recording scope for that user', async () => {
    expect((await fetch(file.download_url)).status).toBe(401)
    expect((await fetch(`${file.download_url}?access_token=${admin}`)).status).toBe(200)
    const user = (await userTokens(zoom, 'userOAuth')).access_token
    const owner = ((await (await getJson(`${zoom.url}/v2/users/me`, user)).json()) as { id: string }).id
    // A user-level token downloads only its own recordings.
    expect((await getJson(file.download_url, user)).status).toBe(hostId === owner ? 200 : 400)
    expect((await getJson(`${zoom.url}/rec/download/nope`, admin)).status).toBe(404)
    expect(zoom.stats().downloads['200']).toBeGreaterThan(0)
  })

  it('cuts the body half-way under a truncate fault', async () => {
    zoom.setFaults([{ kind: 'truncate', pathPrefix: '/rec/download/', count: 1 }])
    await expect(getJson(file.download_url, admin).then((r) => r.arrayBuffer())).rejects.toThrow()
    expect((await getJson(file.download_url, admin)).status).toBe(200)
    zoom.setFaults([])
  })
})

describe('parseRange', () => {
  it('handles open, closed, suffix and bad ranges', () => {
    expect(parseRange(undefined, 100)).toBeUndefined()
    expect(parseRange('bytes=10-', 100)).toEqual({ start: 10, end: 99 })
    expect(parseRange('bytes=10-20', 100)).toEqual({ start: 10, end: 20 })
    expect(parseRange('bytes=90-200', 100)).toEqual({ start: 90, end: 99 })
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 })
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable')
    expect(parseRange('bytes=5-2', 100)).toBe('unsatisfiable')
    expect(parseRange('items=1-2', 100)).toBeUndefined()
  })
})
