// Zoom's webhook verification against known values. Zoom's docs give the algorithm (v0, HMAC-SHA256
// over `v0:{timestamp}:{body}`, hex, `v0=` prefix; encryptedToken = hex HMAC-SHA256(secret, plainToken))
// and an example plainToken (qgg8vlvZRS6UYooatFL8Aw) but not the secret behind their example hash,
// so the expected values below come from RFC 4231 (the HMAC-SHA256 test vectors) and from
// `openssl dgst -sha256 -hmac <secret>`, an implementation independent of ours.
import { describe, expect, it } from 'vitest'
import { urlValidationResponse, verifyWebhookSignature, webhookSignature } from '../../../main/events/webhook-signature'

const SECRET = 'zoom-connect-test-secret'
const TIMESTAMP = '1658940994'
const BODY = '{"event":"meeting.started","payload":{"account_id":"AAAAAA","object":{"id":"123"}},"event_ts":1658940994000}'
// printf 'v0:1658940994:<BODY>' | openssl dgst -sha256 -hmac zoom-connect-test-secret
const SIGNATURE = 'v0=980ed46eb1503c233418f016a739987da390c1fc8743a6dabd7191b1512c7f91'

describe('webhook signature (x-zm-signature v0)', () => {
  it('is the hex HMAC-SHA256 of v0:{timestamp}:{body}, prefixed v0=', () => {
    expect(webhookSignature(SECRET, TIMESTAMP, BODY)).toBe(SIGNATURE)
  })

  it('uses HMAC-SHA256 as RFC 4231 defines it (test case 2)', () => {
    // RFC 4231 §4.3: key "Jefe", data "what do ya want for nothing?"; our message adds Zoom's frame.
    expect(urlValidationResponse('Jefe', 'what do ya want for nothing?').encryptedToken).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843')
  })

  it('accepts the right signature and refuses a changed body, timestamp, secret or signature', () => {
    expect(verifyWebhookSignature(SECRET, TIMESTAMP, BODY, SIGNATURE)).toBe(true)
    expect(verifyWebhookSignature(SECRET, TIMESTAMP, BODY.replace('123', '124'), SIGNATURE)).toBe(false)
    expect(verifyWebhookSignature(SECRET, '1658940995', BODY, SIGNATURE)).toBe(false)
    expect(verifyWebhookSignature('another-secret', TIMESTAMP, BODY, SIGNATURE)).toBe(false)
    expect(verifyWebhookSignature(SECRET, TIMESTAMP, BODY, SIGNATURE.slice(0, -1))).toBe(false)
    expect(verifyWebhookSignature(SECRET, TIMESTAMP, BODY, SIGNATURE.replace('v0=', 'v1='))).toBe(false)
  })

  it('answers endpoint.url_validation with plainToken and its hex HMAC (Zoom’s example plainToken)', () => {
    // printf qgg8vlvZRS6UYooatFL8Aw | openssl dgst -sha256 -hmac zoom-connect-test-secret
    expect(urlValidationResponse(SECRET, 'qgg8vlvZRS6UYooatFL8Aw')).toEqual({
      plainToken: 'qgg8vlvZRS6UYooatFL8Aw',
      encryptedToken: '0fecfe6a12713e083fb3665cfbec694de26a119f68960d7a89ea27c1a6388136',
    })
  })
})
