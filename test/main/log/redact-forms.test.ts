// A server quoting a secret back may alter it: invisible characters inserted, another letter case,
// reversed, base64 of the secret or of `clientId:secret`. The one redactor catches those forms, and
// a token endpoint's error shows its own words only when they hold no long code.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../../main/core'
import type { SenderInfo } from '../../../main/ipc/router'
import { forgetAllSecrets, forgetSecret, hasOpaqueRun, redact, registerClientCredentials, registerSecret } from '../../../main/log/redact'
import { createFakeAdapters } from '../../fakes/adapters'
import { startSandbox, type Sandbox } from '../../sandbox'
import { findFragments } from '../../support/canary'

const SECRET = 'Qx7vLm2Rt9KpW4sZ8nYb3HcJ6dFg1TaE'
const CLIENT_ID = 'PublicClientId42'
const zeroWidth = (value: string, between = '\u200b') => value.match(/.{1,7}/g)!.join(between)
const reversed = (value: string) => [...value].reverse().join('')
const b64 = (value: string) => Buffer.from(value).toString('base64')
const b64url = (value: string) => Buffer.from(value).toString('base64url')
/** Every altered form a test quotes, as it must not reappear in the output. */
const altered = (value: string) => [value, value.toLowerCase(), value.toUpperCase(), reversed(value), b64(value), b64url(value)]

describe('redact: altered forms of a registered secret', () => {
  afterEach(() => forgetAllSecrets())

  it('scrubs the secret with invisible characters inserted, in another case, reversed, and base64-encoded', () => {
    registerSecret(SECRET)
    for (const between of ['\u200b', '\u200d', '\u2060', '\u00ad', '\ufeff', '\u202e']) {
      const out = redact(`quoted ${zeroWidth(SECRET, between)} back`)
      expect(findFragments(out.replaceAll(between, ''), [SECRET]), JSON.stringify(between)).toEqual([])
      expect(out).toContain('[redacted]')
    }
    for (const form of altered(SECRET).slice(1)) {
      const out = redact(`reason=${form}.`)
      expect(findFragments(out, [form]), form).toEqual([])
      expect(out).toContain('[redacted]')
    }
    const pieces = redact(`pieces ${SECRET.slice(3, 14).toLowerCase()} and ${b64(SECRET).slice(5, 20)}`)
    expect(pieces).not.toContain(SECRET.slice(3, 14).toLowerCase())
    expect(pieces).not.toContain(b64(SECRET).slice(5, 20))
  })

  it('scrubs a copy with invisible characters inserted even when the same text also quotes the secret plainly', () => {
    registerSecret(SECRET)
    const out = redact(`plain ${SECRET}, hidden ${zeroWidth(SECRET)}`)
    expect(findFragments(out.replaceAll('\u200b', ''), [SECRET])).toEqual([])
  })

  it('scrubs base64 and base64url of clientId:secret, but keeps the Client ID itself readable', () => {
    registerClientCredentials(CLIENT_ID, SECRET)
    for (const form of [b64(`${CLIENT_ID}:${SECRET}`), b64url(`${CLIENT_ID}:${SECRET}`)]) {
      const out = redact(`echo ${form} end`)
      expect(out).not.toContain(form.slice(-20))
      expect(out).toContain('[redacted]')
    }
    expect(redact(`client ${CLIENT_ID} was refused`)).toBe(`client ${CLIENT_ID} was refused`)
  })

  it('leaves text without a secret as it is, invisible characters included', () => {
    registerSecret(SECRET)
    for (const text of ['family 👨\u200d👩\u200d👧 photo', 'Invalid client_id or client_secret', 'soft\u00adhyphen', 'right\u200fto\u200eleft']) expect(redact(text)).toBe(text)
  })

  it('forgets every form with the value', () => {
    registerSecret(SECRET)
    forgetSecret(SECRET)
    for (const form of altered(SECRET)) expect(redact(form)).toBe(form)
  })

  it('tells a long code from words', () => {
    for (const words of ['Invalid client_id or client_secret', 'unsupported_grant_type', 'Invalid authorization code.', 'The refresh token has expired']) expect(hasOpaqueRun(words), words).toBe(false)
    for (const code of [SECRET, SECRET.toLowerCase(), b64('some secret text!'), zeroWidth(SECRET), 'abcdefghijklmnopqrstuvwxyZ']) expect(hasOpaqueRun(code), code).toBe(true)
  })
})

describe('a token endpoint quoting the secret in altered forms', () => {
  const ORIGIN = 'app://zoom-connect'
  const sender: SenderInfo = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOurWindow: true }
  let sandbox: Sandbox
  let dataDir: string
  let core: Core
  const call = (channel: string, input: unknown) => core.router.invoke(channel, sender, input) as Promise<{ ok: boolean; value?: { id: string }; error?: { code: string; message: string; details?: { zoomMessage?: string } } }>

  beforeAll(async () => {
    sandbox = await startSandbox({ apps: { s2s: { clientSecret: SECRET } } })
    dataDir = await mkdtemp(join(tmpdir(), 'zc-redact-forms-'))
    core = await createCore(createFakeAdapters({ dataDir, script: { credentials: sandbox.login } }).adapters, { trustedOrigins: [ORIGIN] })
    expect(await call('vault.setup', { protector: 'os-keychain' })).toMatchObject({ ok: true })
  })
  afterAll(async () => {
    await core.dispose()
    await sandbox.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('never reaches the renderer; the reply keeps our own message', async () => {
    const app = sandbox.apps.s2s
    const created = await call('profiles.create', {
      fields: { name: 'Quoted', grant: 's2s', accountId: app.accountId, clientId: app.clientId, cloud: { kind: 'custom', oauthBaseUrl: sandbox.url, apiBaseUrl: sandbox.url } },
      clientSecret: SECRET,
    })
    const profileId = created.value!.id
    const forms = [zeroWidth(SECRET), b64(SECRET), b64(`${app.clientId}:${SECRET}`), reversed(SECRET), SECRET.toLowerCase()]
    sandbox.setFaults([{ kind: 'oauth-echo', pathPrefix: '/oauth/token', oauthError: 'invalid_client', reason: `zw=${forms[0]} b64=${forms[1]} pair=${forms[2]} rev=${forms[3]} lc=${forms[4]}` }])
    const refused = await call('auth.connect', { profileId })
    sandbox.setFaults([])
    expect(refused.ok).toBe(false)
    expect(refused.error?.code).toBe('AUTH_INVALID_CLIENT')
    expect(refused.error?.message).toMatch(/Client ID or Client Secret/)
    const text = JSON.stringify(refused).replaceAll('\\u200b', '').replaceAll('\u200b', '')
    expect(findFragments(text, [SECRET, ...forms.slice(1).map((f) => f.replace(/=+$/, ''))])).toEqual([])

    // A reason in plain words is still shown.
    sandbox.setFaults([{ kind: 'oauth-echo', pathPrefix: '/oauth/token', oauthError: 'invalid_client', reason: 'Invalid client_id or client_secret' }])
    const plain = await call('auth.connect', { profileId })
    sandbox.setFaults([])
    expect(plain.error?.message).toContain('Invalid client_id or client_secret')
    expect(plain.error?.details?.zoomMessage).toBe('Invalid client_id or client_secret')
  })
})
