// Our webhook check against Zoom's own SDK (@zoom/rivet's AwsLambdaReceiver, which verifies
// x-zm-signature and answers endpoint.url_validation) on the same generated inputs: both must
// accept exactly the same requests and answer the same challenge.
import { AwsLambdaReceiver } from '@zoom/rivet/users'
import fc from 'fast-check'
import { beforeAll, afterAll, describe, expect, it, vi } from 'vitest'
import { urlValidationResponse, verifyWebhookSignature, webhookSignature } from '../../../main/events/webhook-signature'

type Handler = (event: { body: string; headers: Record<string, string>; isBase64Encoded: boolean }, context: unknown) => Promise<{ statusCode: number; body: string }>

function rivetReceiver(secret: string): Handler {
  const receiver = new AwsLambdaReceiver({ webhooksSecretToken: secret })
  // Rivet hands verified events to its emitter; here they only need to be accepted.
  receiver.init({ eventEmitter: { emit: () => Promise.resolve() } as never })
  return receiver.start() as unknown as Handler
}

// Zoom's secret tokens and plainTokens are URL-safe random strings.
const token = fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/)
const timestamp = fc.integer({ min: 1_500_000_000, max: 2_500_000_000 }).map(String)
// Zoom sends compact JSON, the form rivet re-serialises before checking (it signs JSON.stringify of
// the parsed body), so the generated bodies are compact too.
const eventBody = fc.record({ event: fc.string({ minLength: 1 }), payload: fc.jsonValue(), event_ts: fc.nat() }).map((v) => JSON.stringify(v))

describe('webhook verification agrees with @zoom/rivet', () => {
  // Rivet logs every Lambda event it processes.
  beforeAll(() => { vi.spyOn(console, 'debug').mockImplementation(() => undefined) })
  afterAll(() => { vi.restoreAllMocks() })

  it('accepts what rivet accepts and refuses what rivet refuses', async () => {
    await fc.assert(
      fc.asyncProperty(token, token, timestamp, eventBody, fc.boolean(), fc.boolean(), async (secret, otherSecret, ts, body, forged, tampered) => {
        const signature = webhookSignature(forged ? otherSecret : secret, ts, body)
        const sent = tampered ? body.replace('"event":"', '"event":"x') : body
        const ours = verifyWebhookSignature(secret, ts, sent, signature)
        const rivet = await rivetReceiver(secret)({ body: sent, headers: { 'x-zm-signature': signature, 'x-zm-request-timestamp': ts }, isBase64Encoded: false }, {})
        expect(rivet.statusCode === 200).toBe(ours)
        expect(ours).toBe((!forged || secret === otherSecret) && !tampered)
      }),
      { numRuns: 300 },
    )
  })

  it('answers endpoint.url_validation with the same encryptedToken', async () => {
    await fc.assert(
      fc.asyncProperty(token, token, timestamp, async (secret, plainToken, ts) => {
        const body = JSON.stringify({ payload: { plainToken }, event_ts: Number(ts) * 1000, event: 'endpoint.url_validation' })
        const res = await rivetReceiver(secret)({ body, headers: { 'x-zm-signature': webhookSignature(secret, ts, body), 'x-zm-request-timestamp': ts }, isBase64Encoded: false }, {})
        expect(res.statusCode).toBe(200)
        expect(JSON.parse(res.body)).toEqual(urlValidationResponse(secret, plainToken))
      }),
      { numRuns: 200 },
    )
  })
})
