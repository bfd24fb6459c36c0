// The redactor scrubs registered secrets whole and in pieces of FRAGMENT_LENGTH or more
// characters, and the router and the event sink run every string that leaves main through it.
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../common/errors'
import { CHANNEL_NAMES } from '../../../common/contract/names'
import { redactingEvents } from '../../../main/log/redacting-events'
import { FRAGMENT_LENGTH, forgetAllSecrets, forgetSecret, redact, redactDeep, registerSecret } from '../../../main/log/redact'
import { createRouter, type SenderInfo } from '../../../main/ipc/router'
import type { Handlers } from '../../../main/ipc/types'
import { createLogger, memoryLogSink } from '../../../main/log/logger'
import { makeProfile } from '../../fakes/profile-view'
import { RecordingEvents } from '../../fakes/recording-events'
import { findFragments } from '../../support/canary'

const SECRET = 'Zt5Kq9Wm3Xv7Lp2Rn8Bc4Hd6Fj1Gs0Ya'
const TOKEN = 'aT0k3n.w1thDots_and-dashes.AND.mixedCase123456789'

afterEach(() => forgetAllSecrets())

describe('redact', () => {
  it('scrubs a registered value whole, and any piece of it of 8 characters or more', () => {
    registerSecret(SECRET)
    registerSecret(TOKEN)
    expect(FRAGMENT_LENGTH).toBe(8)
    for (const text of [
      `whole ${SECRET} here`,
      `prefix ${SECRET.slice(0, 8)} only`,
      `middle ${SECRET.slice(11, 23)}!`,
      `tail ${SECRET.slice(-9)}`,
      `cut short: ${TOKEN.slice(0, 30)}…`,
      `two pieces ${SECRET.slice(2, 12)} and ${TOKEN.slice(20, 35)}`,
      `glued${SECRET.slice(4, 20)}${TOKEN.slice(3, 14)}glued`,
    ]) {
      const out = redact(text)
      expect(findFragments(out, [SECRET, TOKEN]), text).toEqual([])
      expect(out).toContain('[redacted]')
    }
    // Shorter pieces and unrelated text stay as they are.
    expect(redact(`short ${SECRET.slice(0, 7)} ok`)).toBe(`short ${SECRET.slice(0, 7)} ok`)
    expect(redact('Invalid client_id or secret')).toBe('Invalid client_id or secret')
  })

  it('forgets the pieces of a value it forgets (and keeps those another value shares)', () => {
    registerSecret(SECRET)
    registerSecret(`${SECRET.slice(0, 10)}-other-value`)
    forgetSecret(SECRET)
    expect(redact(SECRET.slice(12, 24))).toBe(SECRET.slice(12, 24))
    expect(redact(SECRET.slice(0, 10))).toBe('[redacted]')
  })

  it('redactDeep scrubs every string of plain data, and leaves the rest alone', () => {
    registerSecret(SECRET)
    const value = { code: 'AUTH_INVALID_GRANT', message: `no: ${SECRET}`, details: { zoomMessage: `piece ${SECRET.slice(3, 15)}`, httpStatus: 400 }, list: [SECRET.slice(5, 20), 7, null] }
    const out = redactDeep(value)
    expect(findFragments(JSON.stringify(out), [SECRET])).toEqual([])
    expect(out.details.httpStatus).toBe(400)
    expect(out.list[1]).toBe(7)
    expect(value.message).toContain(SECRET)
  })

  it('copies a member named "__proto__" as a member, not as the copy’s prototype', () => {
    registerSecret(SECRET)
    // What a hostile server's page parses to: "__proto__" is an own member of the parsed object.
    const page = JSON.parse(`{"__proto__": {"next_page_token": "forged"}, "users": [{"email": "${SECRET}"}]}`) as Record<string, unknown>
    const out = redactDeep(page)
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype)
    expect(out.next_page_token).toBeUndefined()
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({ next_page_token: 'forged' })
    expect(JSON.parse(JSON.stringify(out))).toEqual(JSON.parse(`{"__proto__": {"next_page_token": "forged"}, "users": [{"email": "[redacted]"}]}`))
  })
})

describe('what leaves main', () => {
  const trusted: SenderInfo = { frameUrl: 'app://zoom-connect/index.html', isMainFrame: true, isOurWindow: true }
  function routerWith(overrides: Partial<Handlers>) {
    const handlers = Object.fromEntries(CHANNEL_NAMES.map((name) => [name, () => undefined])) as unknown as Handlers
    return createRouter({ handlers: { ...handlers, ...overrides }, trustedOrigins: ['app://zoom-connect'], log: createLogger(memoryLogSink(), 'ipc') })
  }

  it('an error envelope: message, details.zoomMessage and field issues are scrubbed', async () => {
    registerSecret(SECRET)
    const router = routerWith({
      'auth.connect': () => {
        throw new AppError('AUTH_INVALID_CLIENT', `Zoom said ${SECRET.slice(0, 12)}`, { zoomMessage: `quoted ${SECRET} and ${SECRET.slice(9, 20)}`, issues: [{ path: 'x', message: SECRET.slice(1, 10) }] })
      },
    })
    const reply = await router.invoke('auth.connect', trusted, { profileId: 'p1' })
    expect(reply).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID_CLIENT', details: { zoomMessage: expect.stringContaining('quoted') } } })
    expect(findFragments(JSON.stringify(reply), [SECRET])).toEqual([])
  })

  it('a reply carrying an error or a timeline is scrubbed; Zoom data windows are passed as they are', async () => {
    registerSecret(SECRET)
    const router = routerWith({
      'auth.test': () => ({ ok: false, at: 'now', url: 'https://api.zoom.us/v2/users/me', latencyMs: 1, error: { code: 'ZOOM_UNAUTHORIZED', message: `bad ${SECRET.slice(2, 14)}` } }),
      'auth.timeline': () => [{ profileId: 'p1', at: 1, kind: 'refresh', outcome: 'failed', detail: `Zoom: ${SECRET.slice(0, 16)}` }],
      'profiles.get': () => makeProfile({ id: 'p1', name: 'Acme', notes: 'Area code: 555, password: see the wiki' }),
      'data.rows': () => ({ datasetId: 'd', offset: 0, rows: [{ index: 0, cells: ['Area code: 555'] }], columns: ['x'], total: 1, filteredTotal: 1 }),
    })
    for (const [channel, input] of [['auth.test', { profileId: 'p1' }], ['auth.timeline', { profileId: 'p1' }]] as const) {
      const reply = await router.invoke(channel, trusted, input)
      expect(reply.ok).toBe(true)
      expect(findFragments(JSON.stringify(reply), [SECRET]), channel).toEqual([])
    }
    // The person's own data is not rewritten by patterns meant for log lines.
    expect(await router.invoke('data.rows', trusted, { datasetId: 'd', offset: 0, limit: 10 })).toMatchObject({ ok: true, value: { rows: [{ cells: ['Area code: 555'] }] } })
    expect(await router.invoke('profiles.get', trusted, { id: 'p1' })).toMatchObject({ ok: true, value: { notes: 'Area code: 555, password: see the wiki' } })
  })

  it('a console history body stays the JSON it was: a yes/no under a password-like name is not a secret', async () => {
    // What sanitizeForHistory stored for Zoom's example body of POST /users/{userId}/meetings.
    const body = JSON.stringify({ default_password: true, password: '[redacted]', settings: { embed_password_in_join_link: false, passcode: null } }, null, 2)
    const router = routerWith({ 'console.history': () => [{ id: 'h1', at: 1, request: { profileId: 'p1', method: 'POST', url: '/users/me/meetings', query: [], headers: [], body } }] })
    const reply = await router.invoke('console.history', trusted, { profileId: 'p1' })
    const kept = (reply as { value: { request: { body: string } }[] }).value[0]!.request.body
    expect(JSON.parse(kept)).toEqual(JSON.parse(body))
    // A value a password-like name gives is still scrubbed from text.
    expect(redact('password=hunter2hunter2 default_password: trueish')).toBe('password=[redacted] default_password: [redacted]')
  })

  it('scrubs an OAuth code by its own name, and keeps fields whose names only end in "code"', () => {
    const body = JSON.stringify({ country_code: 'US', zip_code: '94105', 'area-code': '555', language_code: 'fr-FR' })
    expect(redact(body)).toBe(body)
    expect(redact('GET /callback?code=obBEe8ewaL_KdyNj&state=s1')).toBe('GET /callback?code=[redacted]&state=s1')
    expect(redact('{"code": "obBEe8ewaL_KdyNj"}')).toBe('{"code": "[redacted]"}')
    expect(redact('code_verifier=abcdefghijklmnop')).toBe('code_verifier=[redacted]')
  })

  it('events are scrubbed before they reach the renderer', () => {
    registerSecret(SECRET)
    const sink = new RecordingEvents()
    const events = redactingEvents(sink)
    events.emit('auth.timeline', { profileId: 'p1', at: 1, kind: 'refresh', outcome: 'failed', detail: `Zoom quoted ${SECRET.slice(4, 30)}` })
    events.emit('auth.status', { profileId: 'p1', state: 'reconnect_needed', shown: 'reconnect_needed', grantedScopes: [], hasRefreshToken: false, error: { code: 'AUTH_INVALID_GRANT', message: 'ended', details: { zoomMessage: SECRET } } })
    expect(sink.events).toHaveLength(2)
    expect(findFragments(JSON.stringify(sink.events), [SECRET])).toEqual([])
  })
})
