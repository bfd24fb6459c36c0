// A token endpoint that quotes what it was sent (the client secret, the refresh token, the Basic
// header, whole or in part) in its `reason`: none of it may leave main — not in a bridge reply
// (message or details.zoomMessage), an event, the timeline, a stored record such as grantEnded
// in connections.json, or a log line.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../../main/core'
import type { SenderInfo } from '../../../main/ipc/router'
import { openVault } from '../../../main/vault/vault'
import { createFakeAdapters } from '../../fakes/adapters'
import { startSandbox, type Sandbox } from '../../sandbox'
import { findFragments, readAllFiles } from '../../support/canary'

const S2S_SECRET = 'Qx7vLm2Rt9KpW4sZ8nYb3HcJ6dFg1TaE'
const USER_SECRET = 'Hn4Wq8Zr2Lp6Tv9Xc3Bm7Kd5Fs1Gj0Ya'
const ORIGIN = 'app://zoom-connect'
const sender: SenderInfo = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOurWindow: true }
/** Quotes the whole value, a prefix, a middle piece and the Basic header. */
const HOSTILE_REASON = 'You sent {secret} (begins {secret:0:12}, then {secret:9:21}); refresh {token} / {token:5:40} / {token:40:49}; header {basic}'

let sandbox: Sandbox
let dataDir: string
let core: Core
let fakes: ReturnType<typeof createFakeAdapters>['fakes']

/** The envelope as one shape, so a test reads `value` or `error` without narrowing on `ok`. */
async function call(channel: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> {
  const envelope = await core.router.invoke(channel, sender, input)
  replies.push(JSON.stringify(envelope))
  return envelope
}
const replies: string[] = []

/** Everything that left main so far, as one text. */
async function everythingOut(): Promise<string> {
  const files = await readAllFiles(dataDir)
  return [...replies, JSON.stringify(fakes.events.events), JSON.stringify(fakes.logs.records), ...files.map((f) => f.text)].join('\n')
}

async function storedTokens(profileId: string): Promise<string[]> {
  const vault = await openVault({ dir: dataDir, safeStorage: fakes.safeStorage, platform: 'linux' })
  const text = await vault.getSecret(profileId, 'tokens')
  vault.lock()
  const set = JSON.parse(text ?? '{}') as { accessToken?: string; refreshToken?: string }
  return [set.accessToken, set.refreshToken].filter((t): t is string => t !== undefined)
}

beforeAll(async () => {
  sandbox = await startSandbox({ apps: { s2s: { clientSecret: S2S_SECRET }, userOAuth: { clientSecret: USER_SECRET } } })
  dataDir = await mkdtemp(join(tmpdir(), 'zc-quoted-'))
  const built = createFakeAdapters({ dataDir, script: { credentials: sandbox.login } })
  fakes = built.fakes
  core = await createCore(built.adapters, { trustedOrigins: [ORIGIN] })
  expect(await call('vault.setup', { protector: 'os-keychain' })).toMatchObject({ ok: true })
})
afterAll(async () => {
  await core.dispose()
  await sandbox.close()
  await rm(dataDir, { recursive: true, force: true })
})

const cloud = () => ({ kind: 'custom', oauthBaseUrl: sandbox.url, apiBaseUrl: sandbox.url })

describe('a token endpoint quoting credentials in its reason', () => {
  it('Server-to-Server: the secret, whole or in part, reaches no reply, event, log line or file', async () => {
    const app = sandbox.apps.s2s
    const created = await call('profiles.create', { fields: { name: 'Quoted S2S', grant: 's2s', accountId: app.accountId, clientId: app.clientId, cloud: cloud() }, clientSecret: S2S_SECRET })
    const profileId = (created.value as { id: string }).id
    sandbox.setFaults([{ kind: 'oauth-echo', pathPrefix: '/oauth/token', oauthError: 'invalid_client', reason: HOSTILE_REASON }])
    const refused = await call('auth.connect', { profileId })
    sandbox.setFaults([])
    // A reason holding long codes is not shown at all: our own message says what went wrong.
    expect(refused).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID_CLIENT', message: expect.stringMatching(/explanation was left out/) } })
    expect((refused.error as { details?: object }).details).not.toHaveProperty('zoomMessage')
    await call('auth.status', { profileId })
    await call('auth.statuses', undefined)
    await call('auth.timeline', { profileId })
    expect(findFragments(await everythingOut(), [S2S_SECRET])).toEqual([])
  })

  it('a refresh ended with invalid_grant: the refresh token and secret stay out of grantEnded, statuses, the timeline and the log', async () => {
    const app = sandbox.apps.userOAuth
    const created = await call('profiles.create', {
      fields: { name: 'Quoted user app', grant: 'authorization_code', clientId: app.clientId, redirectUri: app.redirectUri, cloud: cloud() },
      clientSecret: USER_SECRET,
    })
    const profileId = (created.value as { id: string }).id
    expect(await call('auth.connect', { profileId })).toMatchObject({ ok: true, value: { state: 'connected' } })
    const tokens = await storedTokens(profileId)
    expect(tokens).toHaveLength(2)

    fakes.time.advance(2 * 3600_000)
    sandbox.setFaults([{ kind: 'oauth-echo', pathPrefix: '/oauth/token', oauthError: 'invalid_grant', reason: HOSTILE_REASON }])
    // An API call needs the refresh, which Zoom refuses for good.
    expect(await call('data.detail', { profileId, resource: 'user', id: 'me' })).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^AUTH_(INVALID_GRANT|RECONNECT_NEEDED)$/) } })
    sandbox.setFaults([])
    const status = await call('auth.status', { profileId })
    expect(status).toMatchObject({ ok: true, value: { state: 'reconnect_needed', error: { message: expect.stringMatching(/explanation was left out/) } } })
    expect((status.value as { error?: { details?: object } }).error?.details).not.toHaveProperty('zoomMessage')
    await call('auth.statuses', undefined)
    await call('auth.timeline', { profileId })
    expect(findFragments(await everythingOut(), [USER_SECRET, ...tokens])).toEqual([])
  })
})
