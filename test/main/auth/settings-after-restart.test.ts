// The token refresh lead and the clipboard wipe delay, changed through settings.update, still
// take effect in the next start on the same data folder: not only shown again in Settings, but
// used when a token is due for renewal and when a copied token is wiped.
import { expect } from 'vitest'
import { createCore, type Core } from '../../../main/core'
import { createFakeAdapters } from '../../fakes/adapters'
import type { Sandbox } from '../../sandbox'
import { credentialsTest } from './credentials-fixture'
import { APP_ORIGIN, s2sDraft, tokenRequests, type Harness } from './credentials-harness'

const FRAME = { frameUrl: `${APP_ORIGIN}/index.html`, isMainFrame: true, isOurWindow: true }
const SECOND = 1000

const it = credentialsTest()

async function invoke(core: Core, channel: string, input: unknown): Promise<unknown> {
  const reply = (await core.router.invoke(channel, FRAME, input)) as { ok: boolean; value?: unknown; error?: unknown }
  if (!reply.ok) throw new Error(`${channel} failed: ${JSON.stringify(reply.error)}`)
  return reply.value
}

/** A start of the whole core on the installation's folder, keychain and clock, with its fakes at hand. */
async function start(installation: Harness, sandbox: Sandbox, cores: Core[]) {
  const { adapters, fakes } = createFakeAdapters({ dataDir: installation.dataDir, safeStorage: installation.safeStorage, time: installation.time, script: { credentials: sandbox.login } })
  const core = await createCore(adapters, { trustedOrigins: [APP_ORIGIN] })
  cores.push(core)
  return { core, fakes }
}

/** A first run: a connected Server-to-Server connection, then the settings changed and the app quit. */
async function firstRun(installation: Harness, sandbox: Sandbox, cores: Core[], patch: Record<string, unknown>) {
  const { core } = await start(installation, sandbox, cores)
  await invoke(core, 'vault.setup', { protector: 'os-keychain' })
  const profile = await core.credentials.profiles.create(s2sDraft(sandbox))
  await invoke(core, 'auth.connect', { profileId: profile.id })
  await invoke(core, 'settings.update', patch)
  await core.dispose()
  return profile.id
}

it('the refresh lead: after a restart the token is renewed that long before it expires', async ({ installation, sandbox, time }) => {
  const cores: Core[] = []
  try {
    const connectedAt = time.now()
    const profileId = await firstRun(installation, sandbox, cores, { refreshSkewSeconds: 1200 })
    const { core } = await start(installation, sandbox, cores)
    const expiresAt = connectedAt + 3599 * SECOND
    const minted = tokenRequests(sandbox)

    // 1300 s before expiry: outside the 20-minute lead, the stored token is still used.
    time.advance(expiresAt - 1300 * SECOND - time.now())
    await core.credentials.tokens.getAccessToken(profileId)
    expect(tokenRequests(sandbox)).toBe(minted)

    // 1100 s before expiry: inside it (the default five minutes would wait), so a new one is asked for.
    time.advance(200 * SECOND)
    await core.credentials.tokens.getAccessToken(profileId)
    expect(tokenRequests(sandbox)).toBe(minted + 1)
  } finally {
    for (const core of cores) await core.dispose()
  }
})

it('the clipboard wipe: after a restart a copied token is wiped after the saved delay', async ({ installation, sandbox, time }) => {
  const cores: Core[] = []
  try {
    const profileId = await firstRun(installation, sandbox, cores, { clipboardClearSeconds: 10 })
    const { core, fakes } = await start(installation, sandbox, cores)
    fakes.dialogs.confirmAnswers.push(true)
    expect(await invoke(core, 'auth.copyToken', { profileId })).toEqual({ clearsAfterSeconds: 10 })
    const token = fakes.clipboard.text
    expect(token).not.toBe('')

    time.advance(9 * SECOND)
    expect(fakes.clipboard.text).toBe(token)
    time.advance(1 * SECOND)
    expect(fakes.clipboard.text).toBe('')
  } finally {
    for (const core of cores) await core.dispose()
  }
})
