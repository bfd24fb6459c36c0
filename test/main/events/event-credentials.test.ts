// Some of Zoom's events carry credentials: recording.completed's download_token fetches the
// recording's files without any other sign-in. Stored events have them redacted, so neither the
// event's detail, the events grid nor anything copied from them holds the token.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { WEBHOOKS_AVAILABLE, WEBHOOKS_DIR } from '../../sandbox/ws/event-factory'
import { createEventsHarness, type EventsHarness } from './events-harness'

describe.skipIf(!WEBHOOKS_AVAILABLE)(`credentials inside events (needs ${WEBHOOKS_DIR})`, () => {
  let h: EventsHarness
  beforeAll(async () => {
    h = await createEventsHarness({ seed: 12 })
  })
  afterAll(async () => {
    await h.close()
  })

  it('stores recording.completed without its download_token, in the detail and in the rows', async () => {
    const profileId = await h.s2sProfile()
    const open = h.nextStatus(profileId, (s) => s.state === 'open')
    await h.call('events.connect', { profileId })
    await open
    const [sent] = h.sandbox.events.emit({ types: ['recording.completed'] })
    const downloadToken = (sent as { download_token?: unknown } | undefined)?.download_token
    expect(typeof downloadToken).toBe('string')
    expect((downloadToken as string).length).toBeGreaterThan(8)
    await vi.waitFor(async () => expect((await h.call('events.status', { profileId })).received).toBe(1), { timeout: 10_000 })
    const { datasetId } = await h.call('events.status', { profileId })
    const detail = await h.call('events.detail', { datasetId: datasetId as string, index: 0 })
    expect(detail.event).toBe('recording.completed')
    expect((detail.body as { download_token?: unknown }).download_token).toBe('[redacted]')
    const rows = await h.call('data.rows', { datasetId: datasetId as string, offset: 0, limit: 10, columns: ['body'] })
    expect(JSON.stringify(rows)).not.toContain(downloadToken as string)
    expect(h.replies.join('\n')).not.toContain(downloadToken as string)
  })
})
