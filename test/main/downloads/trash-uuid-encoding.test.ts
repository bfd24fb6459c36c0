// Meeting UUIDs as Zoom writes them are standard base64: they hold `+` and `/`, and some begin
// with `/`, which Zoom's API asks to be encoded twice in a path. The app's trash request
// (DELETE /meetings/{uuid}/recordings) is sent through the real Zoom client to the sandbox for
// such UUIDs, and the recording must land in Zoom's trash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { zoomDownloadSource } from '../../../main/downloads/source'
import { createZoomClients } from '../../../main/zoom'
import { type Sandbox, startSandbox } from '../../sandbox'
import { DAY_MS, isoDate } from '../../sandbox/clock'
import { getJson } from '../../sandbox/testing'
import { FAST_RETRY, FAST_TIMEOUTS, profileLookup, sandboxProfile, sandboxTokens } from '../zoom/sandbox-helpers'

const NOW = Date.UTC(2026, 2, 4, 12)

interface Row { uuid: string; host_id: string; start_time: string }

describe('trashing a recording whose meeting UUID holds / or +', () => {
  let sandbox: Sandbox
  let token: string
  let source: ReturnType<typeof zoomDownloadSource>
  const rows: Row[] = []

  beforeAll(async () => {
    // One UUID in 64 or so begins with `/`: this seed and size list two such recordings in the month.
    sandbox = await startSandbox({ seed: 7, users: 300, plan: 'unlimited', now: () => NOW })
    const tokens = sandboxTokens(sandbox)
    token = (await tokens.getAccessToken('p1')).accessToken
    source = zoomDownloadSource(createZoomClients({ tokens, profiles: profileLookup(sandboxProfile(sandbox)), retry: FAST_RETRY, timeouts: FAST_TIMEOUTS, rateLimiting: false }))
    const users = (await (await getJson(`${sandbox.url}/v2/users?page_size=300`, token)).json()) as { users: { id: string }[] }
    const range = new URLSearchParams({ from: isoDate(NOW - 30 * DAY_MS), to: isoDate(NOW), page_size: '300' })
    for (const user of users.users) {
      const body = (await (await getJson(`${sandbox.url}/v2/users/${user.id}/recordings?${range}`, token)).json()) as { meetings: Row[] }
      rows.push(...body.meetings)
    }
  })
  afterAll(() => sandbox.close())

  async function inTrash(row: Row): Promise<boolean> {
    const day = row.start_time.slice(0, 10)
    const query = new URLSearchParams({ from: day, to: day, page_size: '300', trash: 'true' })
    const body = (await (await getJson(`${sandbox.url}/v2/users/${row.host_id}/recordings?${query}`, token)).json()) as { meetings: Row[] }
    return body.meetings.some((m) => m.uuid === row.uuid)
  }

  it('moves a recording whose UUID begins with / or holds // (encoded twice) to the trash', async () => {
    const row = rows.find((r) => r.uuid.startsWith('/') || r.uuid.includes('//'))
    expect(row, 'the sandbox lists no meeting UUID that begins with / or holds //, as Zoom’s do now and then').toBeDefined()
    await source.trash!('p1', row!.uuid, new AbortController().signal)
    expect(await inTrash(row!)).toBe(true)
  })

  it('moves a recording whose UUID holds + and a single / (encoded once) to the trash', async () => {
    const row = rows.find((r) => r.uuid.includes('+') && !r.uuid.startsWith('/') && !r.uuid.includes('//') && r.uuid.includes('/'))
    expect(row, 'the sandbox lists no meeting UUID with + and /').toBeDefined()
    await source.trash!('p1', row!.uuid, new AbortController().signal)
    expect(await inTrash(row!)).toBe(true)
  })
})
