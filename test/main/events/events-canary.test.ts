// The access token travels in the event socket's URL. It must never reach a log line, an error,
// a bridge reply, a pushed event or a file — neither the current token nor the ones it replaced —
// and neither must the webhook secret token.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type * as RedactModule from '../../../main/log/redact'
import { findCanaries, readAllFiles } from '../../support/canary'
import { WEBHOOKS_AVAILABLE, WEBHOOKS_DIR } from '../../sandbox/ws/event-factory'
import { createEventsHarness, type EventsHarness } from './events-harness'

// Log lines, replies and pushed events reach the test unredacted: a path that hands the URL or a
// token to any of them fails here instead of being masked by the redactor.
vi.mock('../../../main/log/redact', async (importOriginal) => ({ ...(await importOriginal<typeof RedactModule>()), redact: (text: string) => text, redactDeep: <T>(value: T) => value }))

const WEBHOOK_SECRET = 'CANARY-WEBHOOK-SECRET-51d0e'

describe.skipIf(!WEBHOOKS_AVAILABLE)(`event socket canaries (needs ${WEBHOOKS_DIR})`, () => {
  let h: EventsHarness
  const tokens = new Set<string>()
  beforeAll(async () => {
    h = await createEventsHarness({ seed: 11 })
  })
  afterAll(async () => {
    await h.close()
  })

  const remember = async (profileId: string) => tokens.add((await h.core.credentials.tokens.getAccessToken(profileId)).accessToken)

  it('keeps every token out of logs, errors, bridge replies, pushed events and files', async () => {
    const profileId = await h.s2sProfile()
    await remember(profileId)
    // Open, receive, heartbeat, drop and reconnect, renew, expire, take over, refuse: every path that logs or reports.
    let open = h.nextStatus(profileId, (s) => s.state === 'open')
    await h.call('events.connect', { profileId })
    await open
    h.sandbox.events.emit({ count: 5 })
    await vi.waitFor(async () => expect((await h.call('events.status', { profileId })).received).toBe(5), { timeout: 10_000 })
    const { datasetId } = await h.call('events.status', { profileId })
    await h.call('events.detail', { datasetId: datasetId as string, index: 0 })
    h.time.advance(30_000)

    open = h.nextStatus(profileId, (s) => s.state === 'open')
    h.sandbox.events.drop()
    await h.nextStatus(profileId, (s) => s.state === 'reconnecting')
    h.time.advance(1_000)
    await open

    open = h.nextStatus(profileId, (s) => s.state === 'open' && h.sandbox.events.info().accepted === 3)
    h.time.advance(3599_000 - 6 * 60_000)
    await open
    await remember(profileId)

    open = h.nextStatus(profileId, (s) => s.state === 'open' && h.sandbox.events.info().accepted === 4)
    h.sandbox.advanceClock(3600_000)
    await open
    await remember(profileId)

    // A refused socket (bad subscription) and a refused events URL (outside the allowlist).
    await h.call('events.saveConfig', { profileId, subscriptionId: 'UnknownSubscription000' })
    const failed = h.nextStatus(profileId, (s) => s.state === 'error')
    await h.call('events.connect', { profileId })
    await failed
    await h.invoke('events.saveConfig', { profileId, subscriptionId: 'x', eventsUrl: 'wss://evil.example/ws' })

    // The webhook helper with a stored secret.
    await h.call('events.setWebhookSecret', { profileId, secret: WEBHOOK_SECRET })
    await h.call('events.checkWebhook', { profileId, body: '{"event":"endpoint.url_validation","payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"}}', signature: 'v0=00', timestamp: '1' })
    await h.invoke('events.checkWebhook', { profileId, body: '{"event":"endpoint.url_validation","payload":{"plainToken":"v0:1:forged"}}' })

    expect(tokens.size).toBeGreaterThanOrEqual(3)
    const needles = [...tokens, WEBHOOK_SECRET]
    const logs = h.fakes.logs.records.map((r) => JSON.stringify(r)).join('\n')
    expect(logs).toContain('event socket')
    expect(findCanaries(logs, needles)).toEqual([])
    expect(findCanaries(h.replies.join('\n'), needles)).toEqual([])
    expect(findCanaries(JSON.stringify(h.fakes.events.events), needles)).toEqual([])
    const files = (await readAllFiles(h.dataDir)).map((f) => f.text).join('\n')
    expect(findCanaries(files, needles)).toEqual([])
  })
})
