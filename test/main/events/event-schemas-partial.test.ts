// Zoom's event files are downloaded into the cache folder the first time an event is checked.
// A domain whose download failed then must be fetched again later, not be "unknown" forever.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkEvent, FolderWebhookSchemas } from '../../../main/events/schemas/webhook-schemas'
import { createLogger, memoryLogSink } from '../../../main/log/logger'
import { WEBHOOKS_AVAILABLE, WEBHOOKS_DIR } from '../../sandbox/ws/event-factory'

describe.skipIf(!WEBHOOKS_AVAILABLE)(`event schema cache (needs ${WEBHOOKS_DIR})`, () => {
  it('fetches, at the next start, a domain whose download failed the first time', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zc-schemas-partial-'))
    try {
      const meetings = await readFile(join(WEBHOOKS_DIR, 'Meetings.json'), 'utf8')
      const phone = await readFile(join(WEBHOOKS_DIR, 'Phone.json'), 'utf8')
      const files: Record<string, string> = { meetings, phone }
      let phoneUp = false
      const fetchText = async (url: string) => {
        const domain = /api-hub\/([^/]+)\//.exec(url)?.[1] ?? ''
        if (domain === 'phone' && !phoneUp) throw new Error('503')
        const text = files[domain]
        if (text === undefined) throw new Error('404')
        return text
      }
      const first = new FolderWebhookSchemas({ dir, log: createLogger(memoryLogSink(), 'schemas'), fetchText })
      expect((await checkEvent(first, 'meeting.started', { event: 'meeting.started' })).schema).toBe('checked')
      expect((await checkEvent(first, 'phone.callee_ringing', { event: 'phone.callee_ringing' })).schema).toBe('unknown-type')
      // Zoom's phone file can be downloaded again; the app starts again.
      phoneUp = true
      const next = new FolderWebhookSchemas({ dir, log: createLogger(memoryLogSink(), 'schemas'), fetchText })
      expect((await checkEvent(next, 'phone.callee_ringing', { event: 'phone.callee_ringing' })).schema).toBe('checked')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
