// Issue 4 end to end: connect each kind of Zoom app through the real bridge (real preload, real
// router, real core) against the sandbox, the authorization-code ones by signing in and pressing
// Allow on the sandbox's consent page in a Playwright "connect window". Then restart, and check
// that no canary secret or token reached a file, a log line, a bridge reply or the DOM.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProfileView } from '../../common/profile'
import { startSandbox, type Sandbox } from '../sandbox'
import { findCanaries, readAllFiles, SANDBOX_TOKEN_PREFIX } from '../support/canary'
import { chromiumMissingReason } from '../support/chromium'
import { call, value } from './bridge'
import { closeBrowser, startHarness, type Harness } from './harness'

const CANARY = {
  s2s: 'CANARY-S2S-SECRET-3e1d9a',
  user: 'CANARY-USER-SECRET-77b0c4',
  admin: 'CANARY-ADMIN-SECRET-a81f2e',
}

describe.skipIf(chromiumMissingReason !== undefined)('credentials (end to end)', () => {
  let zoom: Sandbox
  let harness: Harness
  let dataDir: string
  const profiles: Record<string, ProfileView> = {}

  beforeAll(async () => {
    zoom = await startSandbox({
      seed: 11,
      users: 50,
      plan: 'unlimited',
      apps: { s2s: { clientSecret: CANARY.s2s }, userOAuth: { clientSecret: CANARY.user }, adminOAuth: { clientSecret: CANARY.admin } },
    })
    dataDir = await mkdtemp(join(tmpdir(), 'zc-e2e-credentials-'))
    harness = await startHarness({ dataDir })
    await value(harness.page, 'vault.setup', { protector: 'os-keychain' })
  })
  afterAll(async () => {
    await harness?.close()
    await zoom?.close()
    await closeBrowser()
    await rm(dataDir, { recursive: true, force: true })
  })

  const cloud = () => ({ kind: 'custom' as const, oauthBaseUrl: zoom.url, apiBaseUrl: zoom.url })

  it('connects a Server-to-Server app in one call', async () => {
    profiles.s2s = await value(harness.page, 'profiles.create', {
      fields: { name: 'Account S2S', grant: 's2s', accountId: zoom.apps.s2s.accountId, clientId: zoom.apps.s2s.clientId, cloud: cloud() },
      clientSecret: CANARY.s2s,
    })
    expect(profiles.s2s.hasClientSecret).toBe(true)
    const status = await value(harness.page, 'auth.connect', { profileId: profiles.s2s.id })
    expect(status.state).toBe('connected')
    expect(status.grantedScopes.length).toBeGreaterThan(0)
    const test = await value(harness.page, 'auth.test', { profileId: profiles.s2s.id })
    expect(test).toMatchObject({ ok: true, httpStatus: 200 })
  })

  it('connects a user-managed app through the connect window: sign in, Allow', async () => {
    profiles.user = await value(harness.page, 'profiles.create', {
      fields: { name: 'My user app', grant: 'authorization_code', clientId: zoom.apps.userOAuth.clientId, redirectUri: zoom.apps.userOAuth.redirectUri, cloud: cloud() },
      clientSecret: CANARY.user,
    })
    const connecting = call(harness.page, 'auth.connect', { profileId: profiles.user.id })
    const consent = await harness.authWindow.nextPage()
    await consent.getByLabel('Email').fill(zoom.login.email)
    await consent.getByLabel('Password').fill(zoom.login.password)
    await consent.getByRole('button', { name: 'Sign in', exact: true }).click()
    await consent.getByRole('button', { name: 'Allow' }).waitFor()
    await harness.screenshot('credentials-consent-app')
    await consent.screenshot({ path: 'test-results/e2e/credentials-consent-page.png' })
    await consent.getByRole('button', { name: 'Allow' }).click()
    const reply = await connecting
    expect(reply).toMatchObject({ ok: true, value: { state: 'connected', hasRefreshToken: true } })
    expect(harness.authWindow.requests.at(-1)?.partition).toContain(profiles.user.id)
  })

  it('connects a public PKCE client without any secret', async () => {
    profiles.public = await value(harness.page, 'profiles.create', {
      fields: { name: 'Public client', grant: 'authorization_code', clientType: 'public', clientId: zoom.apps.public.clientId, redirectUri: zoom.apps.public.redirectUri, cloud: cloud() },
    })
    const connecting = call(harness.page, 'auth.connect', { profileId: profiles.public.id })
    const consent = await harness.authWindow.nextPage()
    // Same partition cookie jar is per profile: this profile signs in afresh.
    await consent.getByLabel('Email').fill(zoom.login.email)
    await consent.getByLabel('Password').fill(zoom.login.password)
    await consent.getByRole('button', { name: 'Sign in', exact: true }).click()
    await consent.getByRole('button', { name: 'Allow' }).click()
    expect(await connecting).toMatchObject({ ok: true, value: { state: 'connected' } })
    const authorizeUrl = new URL(harness.authWindow.requests.at(-1)!.url)
    expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256')
    expect(authorizeUrl.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('reports Decline as a readable refusal and stays disconnected', async () => {
    const admin = await value(harness.page, 'profiles.create', {
      fields: { name: 'Admin app', grant: 'authorization_code', appType: 'admin', clientId: zoom.apps.adminOAuth.clientId, redirectUri: zoom.apps.adminOAuth.redirectUri, cloud: cloud() },
      clientSecret: CANARY.admin,
    })
    const codeExchangesBefore = zoom.stats().tokenRequests.authorization_code ?? 0
    expect(codeExchangesBefore).toBeGreaterThan(0)
    const connecting = call(harness.page, 'auth.connect', { profileId: admin.id })
    const consent = await harness.authWindow.nextPage()
    await consent.getByLabel('Email').fill(zoom.login.email)
    await consent.getByLabel('Password').fill(zoom.login.password)
    await consent.getByRole('button', { name: 'Sign in', exact: true }).click()
    await consent.getByRole('button', { name: 'Decline' }).click()
    const reply = await connecting
    expect(reply).toMatchObject({ ok: false, error: { code: 'AUTH_ACCESS_DENIED' } })
    expect(zoom.stats().tokenRequests.authorization_code ?? 0).toBe(codeExchangesBefore)
    expect((await value(harness.page, 'auth.status', { profileId: admin.id })).state).not.toBe('connected')
  })

  it('keeps every connection across a restart (a new core over the same files)', async () => {
    await harness.close()
    harness = await startHarness({ dataDir })
    // The secrets went to the OS keychain: the second start asks for nothing, before any secret is used.
    expect((await value(harness.page, 'app.info')).vault.state).toBe('unlocked')
    await harness.page.getByRole('navigation', { name: 'Connections' }).waitFor()
    expect(await harness.page.getByRole('heading', { name: 'Secrets are locked' }).count()).toBe(0)
    const statuses = await value(harness.page, 'auth.statuses')
    const byId = new Map(statuses.map((s) => [s.profileId, s.state]))
    expect(byId.get(profiles.s2s!.id)).toBe('connected')
    expect(byId.get(profiles.user!.id)).toBe('connected')
    expect(byId.get(profiles.public!.id)).toBe('connected')
    expect(await value(harness.page, 'auth.test', { profileId: profiles.user!.id })).toMatchObject({ ok: true })
  })

  it('lets no secret or token reach a file, a log line, a bridge reply or the DOM', async () => {
    await value(harness.page, 'auth.copyToken', { profileId: profiles.s2s!.id })
    expect(harness.clipboard.text.startsWith(SANDBOX_TOKEN_PREFIX)).toBe(true)
    const needles = [...Object.values(CANARY), SANDBOX_TOKEN_PREFIX, harness.clipboard.text]
    const files = await readAllFiles(harness.dataDir)
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) expect(findCanaries(file.text, needles), file.path).toEqual([])
    expect(findCanaries(JSON.stringify(harness.logs.records), needles)).toEqual([])
    expect(findCanaries(harness.bridgeTranscript.join('\n'), needles)).toEqual([])
    expect(findCanaries(await harness.page.content(), needles)).toEqual([])
  })
})
