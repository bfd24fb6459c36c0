// What sanitizeForHistory keeps of a JSON body: nothing below a sensitive name, whatever its shape,
// and always valid JSON (the history view and curl export parse it back); and of a form, no more
// text than of a body.
import { afterEach, describe, expect, it } from 'vitest'
import { MAX_HISTORY_BODY, REDACTED, sanitizeForHistory } from '../../../main/console/sanitize'
import { forgetAllSecrets, registerSecret } from '../../../main/log/redact'

const withBody = (body: string) => sanitizeForHistory({ profileId: 'p', method: 'POST', url: '/users', query: [], headers: [], body })

afterEach(() => forgetAllSecrets())

describe('history body', () => {
  it('replaces a whole array or object under a sensitive name', () => {
    const out = withBody(JSON.stringify({ password: ['Hunter2Hunter2'], client_secret: { value: 'S3cr3tValue99' }, ['__proto__']: { token: 'proto-token-1' }, keep: { a: [1, 'two'] } }))
    expect(out.body).not.toContain('Hunter2Hunter2')
    expect(out.body).not.toContain('S3cr3tValue99')
    expect(out.body).not.toContain('proto-token-1')
    const parsed = JSON.parse(out.body!) as Record<string, unknown>
    expect(parsed.password).toBe(REDACTED)
    expect(parsed.client_secret).toBe(REDACTED)
    expect(Object.getOwnPropertyDescriptor(parsed, '__proto__')?.value).toEqual({ token: REDACTED })
    expect(parsed.keep).toEqual({ a: [1, 'two'] })
  })

  it('stays valid JSON when a string holds a registered secret or a bearer token', () => {
    registerSecret('registered-secret-value-42')
    const out = withBody(JSON.stringify({ note: 'quote "registered-secret-value-42" here', header: 'Bearer abcdefghijklmnop"}', list: ['client_secret=zzzzzzzz"'] }))
    const parsed = JSON.parse(out.body!) as { note: string; header: string; list: string[] }
    expect(out.body).not.toContain('registered-secret-value-42')
    expect(out.body).not.toContain('abcdefghijklmnop')
    expect(parsed.note).toContain('[redacted]')
    expect(parsed.list[0]).not.toContain('zzzzzzzz')
  })

  it('keeps a yes/no field whose name says password: one bit is no secret, and "[redacted]" in its place breaks the request picked from history', () => {
    // Zoom's own example body for POST /users/{userId}/meetings starts like this.
    const body = JSON.stringify({ default_password: true, password: '123456', settings: { embed_password_in_join_link: false, waiting_room: true } }, null, 2)
    const parsed = JSON.parse(withBody(body).body!) as { default_password: unknown; password: unknown; settings: Record<string, unknown> }
    expect(parsed.default_password).toBe(true)
    expect(parsed.settings).toEqual({ embed_password_in_join_link: false, waiting_room: true })
    expect(parsed.password).toBe(REDACTED)
  })

  it('keeps a body without anything to redact byte for byte', () => {
    const body = '{"email":"a@example.com",  "n": 1}'
    expect(withBody(body).body).toBe(body)
  })
})

describe('history form', () => {
  const withForm = (form: { name: string; value: string }[]) => sanitizeForHistory({ profileId: 'p', method: 'POST', url: '/chat/emoji/files', query: [], headers: [], form })

  it('keeps a small form’s text parts as typed', () => {
    expect(withForm([{ name: 'name', value: 'wave' }]).form).toEqual([{ name: 'name', value: 'wave' }])
  })

  it('keeps no more of a form’s text than of a JSON body: history.json stays small', () => {
    // The bridge takes a form of up to 1,000,000 characters (50 parts of up to 100,000): 200 of
    // them kept whole would make history.json 200 MB, rewritten whole at every request and sent
    // whole to the page for the history list.
    const form = Array.from({ length: 10 }, (_, i) => ({ name: `part${i}`, value: 'x'.repeat(100_000) }))
    const body = JSON.stringify(form.map((part) => [part.name, part.value]))
    expect(withBody(body).body).toBeUndefined()
    const kept = withForm(form)
    expect(JSON.stringify(kept).length).toBeLessThan(MAX_HISTORY_BODY + 1_000)
  })
})

describe('history passcodes', () => {
  // Zoom calls a meeting's, a room's or a recording's password a passcode (PATCH
  // /meetings/{meetingId}: `password`; /rooms/{roomId}/settings: `room_passcode`; recording
  // settings: `recording_play_passcode`): anyone holding one joins the meeting or plays the recording.
  const passcodes = ['canary-passcode-1', 'canary-passcode-2', 'canary-passcode-3', 'canary-passcode-4', 'canary-passcode-5']

  it('keeps none in the body, the query, the typed URL, the path parameters or a form', () => {
    const request = {
      profileId: 'p',
      method: 'PATCH' as const,
      url: `/meetings/1?passcode=${passcodes[0]}`,
      query: [{ name: 'meeting_passcode', value: passcodes[1]! }],
      headers: [{ name: 'X-Passcode', value: passcodes[2]! }],
      body: JSON.stringify({ passcode: passcodes[3], settings: { room_passcode: passcodes[4], enable_passcode: true } }),
    }
    const kept = JSON.stringify([sanitizeForHistory(request), sanitizeForHistory({ ...request, body: undefined, form: [{ name: 'recording_play_passcode', value: passcodes[0]! }] })])
    expect(passcodes.filter((passcode) => kept.includes(passcode))).toEqual([])
    // A yes/no about passcodes is no passcode: the body stays one Zoom takes.
    expect(JSON.parse(sanitizeForHistory(request).body!)).toEqual({ passcode: REDACTED, settings: { room_passcode: REDACTED, enable_passcode: true } })
  })
})

describe('history passcodes in a body that is not JSON', () => {
  // A body typed as text (form-encoded, or JSON with a slip such as a trailing comma) is kept
  // through the redactor, which hides `password=…` and `"password": "…"`: a passcode, which
  // joins the meeting as well, must be hidden the same way.
  it('hides passcode values as it hides password values', () => {
    const form = sanitizeForHistory({ profileId: 'p', method: 'POST', url: '/x', query: [], headers: [], body: 'password=canary-pw-1&passcode=canary-pc-1&topic=Weekly' })
    expect(form.body).not.toContain('canary-pw-1')
    expect(form.body).not.toContain('canary-pc-1')
    expect(form.body).toContain('topic=Weekly')
    const slip = sanitizeForHistory({ profileId: 'p', method: 'PATCH', url: '/x', query: [], headers: [], body: '{"settings": {"meeting_passcode": "canary-pc-2", "enable_passcode": true,},}' })
    expect(slip.body).not.toContain('canary-pc-2')
    expect(slip.body).toContain('"enable_passcode": true')
  })
})
