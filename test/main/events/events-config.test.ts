// The Events tab's settings and the webhook helper, through the router like bridge calls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { urlValidationResponse, webhookSignature } from '../../../main/events/webhook-signature'
import { WEBHOOKS_AVAILABLE, WEBHOOKS_DIR } from '../../sandbox/ws/event-factory'
import { createEventsHarness, type EventsHarness } from './events-harness'

describe.skipIf(!WEBHOOKS_AVAILABLE)(`events settings and webhook helper (needs ${WEBHOOKS_DIR})`, () => {
  let h: EventsHarness
  let profileId: string
  beforeAll(async () => {
    h = await createEventsHarness({ seed: 9 })
    profileId = await h.s2sProfile()
  })
  afterAll(async () => {
    await h.close()
  })

  it('derives the socket URL from the connection’s endpoints and keeps the subscription ID', async () => {
    const config = await h.call('events.config', { profileId })
    expect(config).toMatchObject({ subscriptionId: h.sandbox.events.info().subscriptionId, eventsUrl: '', effectiveEventsUrl: `${h.sandbox.url.replace('http:', 'ws:')}/ws`, hasWebhookSecret: false })
  })

  it('refuses a subscription ID that could add query parameters, and an events URL outside the allowed domains', async () => {
    expect(await h.invoke('events.saveConfig', { profileId, subscriptionId: 'abc&access_token=x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await h.invoke('events.saveConfig', { profileId, subscriptionId: 'abc', eventsUrl: 'wss://ws.evil.example/ws' })).toMatchObject({ ok: false, error: { code: 'DOMAIN_NOT_ALLOWED' } })
    expect(await h.invoke('events.saveConfig', { profileId, subscriptionId: 'abc', eventsUrl: 'ws://ws.evil.example/ws' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await h.invoke('events.saveConfig', { profileId, subscriptionId: 'abc', eventsUrl: `${h.sandbox.url.replace('http:', 'ws:')}/ws?x=1` })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect((await h.call('events.config', { profileId })).subscriptionId).toBe(h.sandbox.events.info().subscriptionId)
  })

  it('asks for the webhook secret token before checking a request', async () => {
    expect(await h.invoke('events.checkWebhook', { profileId, body: '{}' })).toMatchObject({ ok: false, error: { code: 'AUTH_SECRET_MISSING' } })
  })

  it('verifies x-zm-signature and answers endpoint.url_validation with the stored secret', async () => {
    const secret = 'webhook-secret-for-tests'
    expect((await h.call('events.setWebhookSecret', { profileId, secret })).hasWebhookSecret).toBe(true)
    const body = '{"event":"meeting.ended","payload":{"account_id":"a","object":{"id":"1"}},"event_ts":1}'
    const timestamp = String(Math.floor(h.time.now() / 1000) - 12)
    expect(await h.call('events.checkWebhook', { profileId, body, timestamp, signature: webhookSignature(secret, timestamp, body) })).toEqual({ signature: 'valid', timestampAgeSeconds: 12, event: 'meeting.ended' })
    expect((await h.call('events.checkWebhook', { profileId, body: body.replace('"1"', '"2"'), timestamp, signature: webhookSignature(secret, timestamp, body) })).signature).toBe('invalid')
    expect((await h.call('events.checkWebhook', { profileId, body })).signature).toBe('missing')

    const challenge = '{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}'
    const validation = await h.call('events.checkWebhook', { profileId, body: challenge, timestamp, signature: webhookSignature(secret, timestamp, challenge) })
    expect(validation.urlValidation).toEqual(urlValidationResponse(secret, 'qgg8vlvZRS6UYooatFL8Aw'))
  })

  it('answers a url_validation challenge only when it is signed with the stored secret', async () => {
    const challenge = '{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}'
    const timestamp = String(Math.floor(h.time.now() / 1000))
    const unsigned = await h.call('events.checkWebhook', { profileId, body: challenge })
    expect(unsigned).toMatchObject({ signature: 'missing', event: 'endpoint.url_validation' })
    expect(unsigned.urlValidation).toBeUndefined()
    const forged = await h.call('events.checkWebhook', { profileId, body: challenge, timestamp, signature: webhookSignature('another-secret', timestamp, challenge) })
    expect(forged).toMatchObject({ signature: 'invalid', event: 'endpoint.url_validation' })
    expect(forged.urlValidation).toBeUndefined()
  })

  it('never signs text that is not a plainToken (no signature oracle)', async () => {
    const forged = await h.invoke('events.checkWebhook', { profileId, body: '{"event":"endpoint.url_validation","payload":{"plainToken":"v0:1:{}"}}' })
    expect(forged).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('removes the webhook secret token on request', async () => {
    expect((await h.call('events.setWebhookSecret', { profileId, secret: null })).hasWebhookSecret).toBe(false)
  })
})
