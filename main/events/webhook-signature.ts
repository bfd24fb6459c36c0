// Zoom's webhook verification (developers.zoom.us/docs/api/webhooks): each request carries
// `x-zm-request-timestamp` and `x-zm-signature: v0=<hex HMAC-SHA256(secret, "v0:{timestamp}:{body}")>`;
// an `endpoint.url_validation` request is answered with `{ plainToken, encryptedToken }`, where
// encryptedToken = hex HMAC-SHA256(secret, plainToken).
import { createHmac } from 'node:crypto'
import { equalInConstantTime } from '../constant-time'

export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`
}

/** A received signature checked against the expected one, in constant time. */
export function verifyWebhookSignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  return equalInConstantTime(webhookSignature(secret, timestamp, body), signature.trim())
}

export function urlValidationResponse(secret: string, plainToken: string): { plainToken: string; encryptedToken: string } {
  return { plainToken, encryptedToken: createHmac('sha256', secret).update(plainToken).digest('hex') }
}
