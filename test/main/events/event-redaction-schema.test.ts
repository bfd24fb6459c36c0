// An event is stored with its credentials redacted, then checked (list) and checked again (drawer)
// against Zoom's schema: the redaction must not turn a well-formed event into "N differences".
import { describe, expect, it } from 'vitest'
import { checkEvent, FolderWebhookSchemas } from '../../../main/events/schemas/webhook-schemas'
import { createLogger, memoryLogSink } from '../../../main/log/logger'
import { redactJsonFields } from '../../../main/log/redact-json'
import { WEBHOOKS_AVAILABLE, WEBHOOKS_DIR, eventTypes, generateEvent } from '../../sandbox/ws/event-factory'

const schemas = new FolderWebhookSchemas({ dir: WEBHOOKS_DIR, log: createLogger(memoryLogSink(), 'schemas') })
const context = { seed: 3, sequence: 0, accountId: 'AcctAcctAcctAcctAcct12', now: Date.UTC(2026, 2, 1) }
// As main/events/events-service.ts redacts an event before it is stored.
const stored = (event: unknown) => redactJsonFields(event, (name) => /token|secret|password|passcode|signature|credential/i.test(name), 32).value

describe.skipIf(!WEBHOOKS_AVAILABLE)(`redacted events against Zoom's schemas (needs ${WEBHOOKS_DIR})`, () => {
  it('a well-formed user.settings_updated, as stored, still matches its schema', async () => {
    const result = await checkEvent(schemas, 'user.settings_updated', stored(generateEvent('user.settings_updated', context)))
    expect(result).toEqual({ schema: 'checked', issues: [] })
  })

  it('every sandbox event of every type, as stored, matches its schema', async () => {
    const differing: string[] = []
    for (const [sequence, type] of eventTypes().entries()) {
      const result = await checkEvent(schemas, type, stored(generateEvent(type, { ...context, sequence })))
      if (result.issues.length > 0) differing.push(`${type}: ${result.issues[0]!.path} ${result.issues[0]!.message}`)
    }
    expect(differing).toEqual([])
  })
})
