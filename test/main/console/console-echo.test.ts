// The renderer never holds the profile's token, so the console must not hand it over either when
// a server within the allowed domains quotes the request back (an echo or debugging endpoint, a
// proxy's error page): the bearer this request carried is cut from the body and the headers the
// console returns, whole or cut short at the end of a capped body.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { consoleRequestSchema, type ConsoleRequest } from '../../../common/contract/console'
import { ConsoleService, memoryConsoleHistory } from '../../../main/console'
import { createConsoleHandlers } from '../../../main/ipc/handlers/console'
import { createZoomClients } from '../../../main/zoom'
import { findFragments } from '../../support/canary'
import { startSandbox, type Sandbox } from '../../sandbox'
import { FAST_RETRY, FAST_TIMEOUTS, profileLookup, sandboxProfile, sandboxTokens } from '../zoom/sandbox-helpers'

let sandbox: Sandbox
let echo: Server
let echoUrl: string

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 4, users: 10, plan: 'unlimited' })
  // Answers with the request's headers, in its body and in a header of its own; `?pad=N` answers
  // N spaces and the Authorization header (so a capped body cuts through the token).
  echo = createServer((req, res) => {
    const params = new URL(req.url ?? '/', 'http://x').searchParams
    const pad = params.get('pad')
    const say = params.get('say')
    if (say !== null) {
      res.writeHead(200, { 'content-type': 'text/plain', 'x-said': say })
      return void res.end(`you said ${say}`)
    }
    if (params.has('reason')) {
      // The token quoted in the status line's reason phrase and in a header's name.
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '')
      res.writeHead(401, `Bad token ${token}`, { 'content-type': `text/plain; token=${token}`, 'x-zm-trackingid': token, [`x-token-${token}`]: '1' })
      return void res.end('no')
    }
    if (params.has('forms')) {
      // The token as a server might quote it changed: base64, reversed, upper-cased, with zero-width spaces.
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '')
      res.writeHead(200, { 'content-type': 'application/json' })
      return void res.end(JSON.stringify({ base64: Buffer.from(token).toString('base64'), reversed: [...token].reverse().join(''), upper: token.toUpperCase(), hidden: [...token].join('\u200b') }))
    }
    res.writeHead(200, { 'content-type': 'application/json', 'x-echo-authorization': req.headers.authorization ?? '' })
    res.end(pad === null ? JSON.stringify({ headers: req.headers }) : `${' '.repeat(Number(pad))}${req.headers.authorization ?? ''}`)
  })
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve))
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`
})
afterAll(async () => {
  await sandbox.close()
  await new Promise((resolve) => echo.close(resolve))
})

/** A refresh token the profile holds: the console never sends it, yet an answer quoting it must not return it. */
const HELD_REFRESH_TOKEN = 'zc-held-refresh-canary-7f3a9c1e5b2d4f608a1c'

function setup(maxResponseBytes = 64 * 1024) {
  const tokens = { ...sandboxTokens(sandbox), currentSecrets: () => [HELD_REFRESH_TOKEN] }
  const profile = sandboxProfile(sandbox, { allowedDomains: [new URL(sandbox.url).host, new URL(echoUrl).host] })
  const clients = createZoomClients({ tokens, profiles: profileLookup(profile), retry: FAST_RETRY, timeouts: FAST_TIMEOUTS })
  const handlers = createConsoleHandlers(new ConsoleService({ clients, history: memoryConsoleHistory(), maxResponseBytes }))
  const send = (request: Omit<ConsoleRequest, 'profileId'>) => handlers['console.send'](consoleRequestSchema.parse({ profileId: 'p1', ...request }), {})
  return { send, token: async () => (await tokens.getAccessToken('p1')).accessToken }
}

describe('console.send and a server that quotes the request', () => {
  it('never returns the bearer it sent, in the body or in a header', async () => {
    const { send, token } = setup()
    const response = await send({ method: 'GET', url: `${echoUrl}/v2/echo` })
    const sent = await token()
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body).headers.authorization).toBe('Bearer [redacted]')
    expect(response.body).not.toContain(sent)
    expect(response.headers.find(([name]) => name === 'x-echo-authorization')?.[1]).toBe('Bearer [redacted]')
  })

  it('a capped body that ends inside the token returns none of it', async () => {
    const { send, token } = setup(4096)
    const sent = await token()
    // The body's cut falls 20 characters into the token.
    const response = await send({ method: 'GET', url: `${echoUrl}/v2/echo`, query: [{ name: 'pad', value: String(4096 - 'Bearer '.length - 20) }] })
    expect(response.truncated).toBe(true)
    expect(response.body).not.toContain(sent.slice(0, 12))
  })

  it('returns none of the bearer when the server quotes it base64-encoded, reversed, in another case or with invisible characters', async () => {
    const { send, token } = setup()
    const sent = await token()
    const response = await send({ method: 'GET', url: `${echoUrl}/v2/echo`, query: [{ name: 'forms', value: '1' }] })
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body)).toEqual({ base64: '[redacted]', reversed: '[redacted]', upper: '[redacted]', hidden: '[redacted]' })
    expect(response.body).not.toContain(sent.slice(0, 12))
  })

  it('returns none of the tokens the profile holds, even on a request that carried the person’s own Authorization', async () => {
    const { send } = setup()
    const response = await send({ method: 'GET', url: `${echoUrl}/v2/echo`, query: [{ name: 'say', value: HELD_REFRESH_TOKEN }], headers: [{ name: 'Authorization', value: 'Bearer typed-by-the-person' }] })
    expect(response.status).toBe(200)
    expect(response.body).toBe('you said [redacted]')
    expect(response.headers.find(([name]) => name === 'x-said')?.[1]).toBe('[redacted]')
  })

  it('returns none of the bearer when the server quotes it in the reason phrase, a header name, the tracking id or the content type', async () => {
    const { send, token } = setup()
    const sent = await token()
    const response = await send({ method: 'GET', url: `${echoUrl}/v2/echo`, query: [{ name: 'reason', value: '1' }] })
    expect(response.status).toBe(401)
    expect(findFragments(response.statusText, [sent])).toEqual([])
    expect(findFragments(JSON.stringify(response.headers), [sent])).toEqual([])
    expect(findFragments(JSON.stringify(response), [sent])).toEqual([])
  })

  it('leaves a person’s own Authorization header alone: it is theirs to see', async () => {
    const { send } = setup()
    const response = await send({ method: 'GET', url: `${echoUrl}/v2/echo`, headers: [{ name: 'Authorization', value: 'Bearer typed-by-the-person' }] })
    expect(JSON.parse(response.body).headers.authorization).toBe('Bearer typed-by-the-person')
  })
})
