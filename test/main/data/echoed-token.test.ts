// A server in the allowed domains that quotes the profile's tokens back in its rows — the bearer
// it was sent, the refresh token, base64 of one, in a nested list, as a key, behind a JSON escape,
// as the next page's token —
// gets them scrubbed before the rows reach a dataset: no row, grid window, drawer row, export file
// or bridge reply (job progress included) holds either token. The crawl runs through the data
// services' handlers over the real Zoom client against a 127.0.0.1 server.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HandlerContext } from '../../../main/ipc/types'
import { memoryLogSink } from '../../../main/log/logger'
import type { DialogPort } from '../../../main/ports'
import { createZoomClients } from '../../../main/zoom'
import type { TokenProvider } from '../../../main/zoom/ports'
import { findCanaries } from '../../support/canary'
import { FAST_RETRY, FAST_TIMEOUTS, loopbackProfile, profileLookup } from '../zoom/sandbox-helpers'
import { createDataWithHandlers, type DataWithHandlers } from './data-with-handlers'
import { recordingSink, storedRows } from './harness'

const ACCESS = `canary-access-${randomBytes(24).toString('base64url')}`
const REFRESH = `canary-refresh-${randomBytes(24).toString('base64url')}`
const ctx: HandlerContext = {}

/** `\u` escapes for every character: the same string once parsed, other bytes on the wire. */
const escaped = (text: string) => [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')

let server: Server
let url: string
let dir: string
let services: DataWithHandlers
let events: ReturnType<typeof recordingSink>
let savePath: string | undefined

beforeAll(async () => {
  server = createServer((req, res) => {
    const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '')
    const rows = [
      { id: 'u1', email: 'one@example.com', first_name: bearer, last_name: 'One' },
      { id: 'u2', email: 'two@example.com', first_name: 'Two', notes: [{ deep: { token: `token=${bearer}` } }], [bearer]: 'as a key' },
      { id: 'u3', email: 'three@example.com', first_name: REFRESH, last_name: Buffer.from(bearer).toString('base64') },
    ]
    // The first page quotes the bearer as its next_page_token too; the second page (the fourth
    // row) spells it with JSON escapes only, in the envelope as well: its bytes never hold the token.
    const pageToken = new URL(req.url ?? '/', 'http://x').searchParams.get('next_page_token')
    // The third page spells it only in a member given twice, which JSON.parse reads as its second.
    const text =
      pageToken === null
        ? JSON.stringify({ page_size: 300, total_records: 5, next_page_token: bearer, users: rows })
        : pageToken === 'third'
          ? `{"page_size":300,"total_records":5,"next_page_token":"","users":[{"id":"u5","email":"five@example.com","last_name":"${escaped(bearer)}","last_name":"Five"}]}`
          : `{"page_size":300,"total_records":5,"next_page_token":"third","${escaped(bearer)}":1,"users":[{"id":"u4","email":"four@example.com","first_name":"${escaped(bearer)}"}]}`
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(text)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  dir = await mkdtemp(join(tmpdir(), 'zc-echo-'))
  const profile = loopbackProfile(url, { name: 'Echo' })
  // The token manager's side of the port: the bearer it hands out, and both tokens it holds.
  const tokens: TokenProvider = { getAccessToken: async () => ({ accessToken: ACCESS }), currentSecrets: () => [ACCESS, REFRESH] }
  const dialogs: DialogPort = { chooseSaveFile: async () => savePath, chooseOpenFile: async () => undefined, chooseFolder: async () => undefined, confirm: async () => false }
  events = recordingSink()
  services = createDataWithHandlers({
    zoom: createZoomClients({ tokens, profiles: profileLookup(profile), retry: FAST_RETRY, timeouts: FAST_TIMEOUTS, rateLimiting: false }),
    dialogs,
    shell: { openPath: async () => undefined, openExternal: async () => undefined },
    events,
    settings: async () => ({ downloadConcurrency: 1, downloadFolder: join(dir, 'recordings') }),
    log: memoryLogSink(),
    options: { progressIntervalMs: 0 },
  })
})
afterAll(async () => {
  await services.shutdown()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await rm(dir, { recursive: true, force: true })
})

describe('rows that quote the connection’s tokens', () => {
  it('are scrubbed before the dataset: no row, window, drawer, export or bridge reply holds a token', async () => {
    const replies: unknown[] = []
    const first = await services.handlers['data.crawl']({ profileId: 'p1', resource: '/users', params: {} }, ctx)
    replies.push(first)
    await services.jobs.get(first.jobId).start()
    const info = await services.handlers['data.dataset']({ datasetId: first.datasetId }, ctx)
    replies.push(info)
    expect(info.rows).toBe(5)

    const columns = [...new Set([...info.defaultColumns, ...info.availableColumns])]
    replies.push(await services.handlers['data.rows']({ datasetId: first.datasetId, offset: 0, limit: 10, columns }, ctx))
    const rows = await Promise.all([0, 1, 2, 3, 4].map((index) => services.handlers['data.row']({ datasetId: first.datasetId, index }, ctx)))
    replies.push(...rows)
    // The rows are still there, with the token's place marked.
    expect(rows.map((row) => (row as { email: string }).email)).toEqual(['one@example.com', 'two@example.com', 'three@example.com', 'four@example.com', 'five@example.com'])
    expect((rows[0] as { first_name: string }).first_name).toBe('[redacted]')
    expect((rows[3] as { first_name: string }).first_name).toBe('[redacted]')

    const files: string[] = []
    for (const format of ['csv', 'json'] as const) {
      savePath = join(dir, `users.${format}`)
      replies.push(await services.handlers['data.export']({ datasetId: first.datasetId, format }, ctx))
      files.push(await readFile(savePath, 'utf8'))
    }

    const seen = [...replies.map((reply) => JSON.stringify(reply)), ...events.events.map((event) => JSON.stringify(event)), ...files, JSON.stringify(await storedRows(services.datasets.get(first.datasetId)))]
    // JSON escapes spell a token as plainly as its characters do.
    const unescaped = (text: string) => text.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    for (const text of seen) expect(findCanaries(unescaped(text), [ACCESS, REFRESH])).toEqual([])
  })
})
