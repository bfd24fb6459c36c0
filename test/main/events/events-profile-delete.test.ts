// Deleting a connection ends what its Events tab holds: the socket closes (events that arrive
// after it would be written to a new dataset of a connection that no longer exists), its events
// go with its datasets, and events.json forgets its subscription.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { WEBHOOKS_AVAILABLE, WEBHOOKS_DIR } from '../../sandbox/ws/event-factory'
import { createEventsHarness, type EventsHarness } from './events-harness'

describe.skipIf(!WEBHOOKS_AVAILABLE)(`deleting a connection with a live event socket (needs ${WEBHOOKS_DIR})`, () => {
  let h: EventsHarness
  beforeAll(async () => {
    h = await createEventsHarness({ seed: 12 })
  })
  afterAll(async () => {
    await h.close()
  })

  it('closes its socket, deletes its events and forgets its subscription', async () => {
    const profileId = await h.s2sProfile()
    const open = h.nextStatus(profileId, (s) => s.state === 'open')
    await h.call('events.connect', { profileId })
    await open
    h.sandbox.events.emit({ count: 3 })
    await vi.waitFor(async () => expect((await h.call('events.status', { profileId })).received).toBe(3), { timeout: 10_000 })
    expect(await readdir(join(h.dataDir, 'datasets', 'open'))).toHaveLength(1)

    await h.call('profiles.delete', { id: profileId })

    // The sandbox sees the socket close; nothing more is received, so nothing more is written.
    await vi.waitFor(() => expect(h.sandbox.events.info().connections).toBe(0), { timeout: 10_000 })
    const delivered = h.sandbox.events.info().delivered
    h.sandbox.events.emit({ count: 2 })
    expect(h.sandbox.events.info().delivered).toBe(delivered)
    expect(await readdir(join(h.dataDir, 'datasets', 'open'))).toEqual([])
    expect(await readFile(join(h.dataDir, 'events.json'), 'utf8')).not.toContain(profileId)
  })
})
