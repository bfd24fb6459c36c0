// Events checked against Zoom's schema of their type (../shared/zoom-openapi/webhooks).
import { describe, expect, it } from 'vitest'
import { checkAgainstSchema } from '../../../main/events/schemas/check-schema'
import { checkEvent, FolderWebhookSchemas } from '../../../main/events/schemas/webhook-schemas'
import { createLogger, memoryLogSink } from '../../../main/log/logger'
import { WEBHOOKS_AVAILABLE, WEBHOOKS_DIR, eventTypes, generateEvent } from '../../sandbox/ws/event-factory'

const schemas = new FolderWebhookSchemas({ dir: WEBHOOKS_DIR, log: createLogger(memoryLogSink(), 'schemas') })
const context = { seed: 3, sequence: 0, accountId: 'AcctAcctAcctAcctAcct12', now: Date.UTC(2026, 2, 1) }

describe.skipIf(!WEBHOOKS_AVAILABLE)(`event schemas (needs ${WEBHOOKS_DIR})`, () => {
  it('knows all 534 event types', async () => {
    expect(await schemas.count()).toBe(534)
  })

  it('finds no difference in a well-formed meeting.started', async () => {
    const event = generateEvent('meeting.started', context)
    expect(await checkEvent(schemas, 'meeting.started', event)).toEqual({ schema: 'checked', issues: [] })
  })

  it('lists each difference: a missing required field, a wrong type, a field Zoom does not describe, a value outside the enum', async () => {
    const event = generateEvent('meeting.started', context) as { payload: { object: Record<string, unknown> } }
    delete event.payload.object.topic
    event.payload.object.duration = 'sixty'
    event.payload.object.surprise = true
    event.payload.object.type = 42
    const { schema, issues } = await checkEvent(schemas, 'meeting.started', event)
    expect(schema).toBe('checked')
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'payload.object.topic', message: 'is required but missing' },
        { path: 'payload.object.duration', message: 'expected integer, got string' },
        { path: 'payload.object.surprise', message: 'is not in Zoom’s schema for this event' },
        expect.objectContaining({ path: 'payload.object.type', message: expect.stringMatching(/^42 is not one of/) }),
      ]),
    )
  })

  it('says when an event type has no schema, and when no schemas could be loaded', async () => {
    expect(await checkEvent(schemas, 'made.up_event', { event: 'made.up_event' })).toEqual({ schema: 'unknown-type', issues: [] })
    const none = new FolderWebhookSchemas({ dir: '/nonexistent/zoom-event-schemas', log: createLogger(memoryLogSink(), 'schemas') })
    expect(await checkEvent(none, 'meeting.started', {})).toEqual({ schema: 'unavailable', issues: [] })
  })

  it('fills an empty cache folder from Zoom’s published URLs through the fetch port', async () => {
    const { mkdtemp, readFile, rm } = await import('node:fs/promises')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const dir = await mkdtemp(join(tmpdir(), 'zc-schemas-'))
    const asked: string[] = []
    const meetings = await readFile(join(WEBHOOKS_DIR, 'Meetings.json'), 'utf8')
    const cache = new FolderWebhookSchemas({
      dir,
      log: createLogger(memoryLogSink(), 'schemas'),
      fetchText: async (url) => {
        asked.push(url)
        if (url.includes('/meetings/')) return meetings
        throw new Error('offline')
      },
    })
    expect((await checkEvent(cache, 'meeting.started', generateEvent('meeting.started', context))).schema).toBe('checked')
    expect(asked).toContain('https://developers.zoom.us/api-hub/meetings/events/webhooks.json')
    // A second instance reads the cache without fetching.
    const again = new FolderWebhookSchemas({ dir, log: createLogger(memoryLogSink(), 'schemas'), fetchText: () => Promise.reject(new Error('must not fetch')) })
    expect(await again.count()).toBeGreaterThan(50)
    await rm(dir, { recursive: true, force: true })
  })

  it('every sandbox event of every type matches its schema', async () => {
    for (const [sequence, type] of eventTypes().entries()) {
      const result = await checkEvent(schemas, type, generateEvent(type, { ...context, sequence }))
      expect({ type, issues: result.issues }).toEqual({ type, issues: [] })
    }
  })
})

describe('schema keywords', () => {
  it('resolves local $ref, including Zoom’s #/paths/ references to events under #/webhooks', () => {
    const root = { webhooks: { 'a.b': { post: { x: { type: 'integer' } } } } }
    expect(checkAgainstSchema({ n: 'x' }, { type: 'object', properties: { n: { $ref: '#/paths/a.b/post/x' } } }, root)).toEqual([{ path: 'n', message: 'expected integer, got string' }])
  })

  it('checks array items, bounds, length and pattern', () => {
    const schema = { type: 'array', items: { type: 'object', properties: { n: { type: 'integer', minimum: 1, maximum: 3 }, s: { type: 'string', maxLength: 2, pattern: '^[a-z]+$' } } } }
    expect(checkAgainstSchema([{ n: 0, s: 'ABC' }], schema, {})).toEqual([
      { path: '[0].n', message: '0 is below the minimum 1' },
      { path: '[0].s', message: 'longer than 2 characters' },
      { path: '[0].s', message: 'does not match the pattern ^[a-z]+$' },
    ])
  })
})
