// Quitting or locking the vault while a sign-in's code exchange is on the wire. Zoom keeps one
// grant per user and app: a successful exchange revokes the grant the profile held before, so
// the set it returns is the only working one. Like a refresh in flight (lock-during-refresh),
// the exchange must be waited for and its set saved before the key is dropped.
import { describe, expect } from 'vitest'
import type { Core } from '../../../main/core'
import type { GatedProxy } from '../../fakes/gated-proxy'
import type { ManualTime } from '../../fakes/manual-time'
import type { Sandbox } from '../../sandbox'
import { credentialsTest } from '../auth/credentials-fixture'
import { APP_ORIGIN, userDraft, type Harness } from '../auth/credentials-harness'

const PASSPHRASE = 'correct horse battery staple'
const FRAME = { frameUrl: `${APP_ORIGIN}/index.html`, isMainFrame: true, isOurWindow: true }
const HOUR = 3600_000

const it = credentialsTest({ sandbox: { users: 10 }, proxies: ['gate'] })

async function invoke(core: Core, channel: string, input: unknown): Promise<unknown> {
  const reply = (await core.router.invoke(channel, FRAME, input)) as { ok: boolean; value?: unknown; error?: unknown }
  if (!reply.ok) throw new Error(`${channel} failed: ${JSON.stringify(reply.error)}`)
  return reply.value
}

/** A connected user app whose token requests pass the gate. */
async function connected(installation: Harness, sandbox: Sandbox, gate: GatedProxy) {
  const core = await installation.startCore()
  await invoke(core, 'vault.setup', { protector: 'passphrase', passphrase: PASSPHRASE })
  const draft = userDraft(sandbox, 'Reconnecting')
  const profile = await core.credentials.profiles.create({ ...draft, fields: { ...draft.fields, cloud: { kind: 'custom', oauthBaseUrl: gate.url, apiBaseUrl: sandbox.url } } })
  await core.credentials.auth.connect(profile.id)
  return { core, profileId: profile.id }
}

/** After a restart and unlock: does the stored refresh token still work? */
async function refreshAfterRestart(installation: Harness, time: ManualTime, profileId: string) {
  const restarted = await installation.startCore()
  try {
    await invoke(restarted, 'vault.unlock', { passphrase: PASSPHRASE })
    time.advance(HOUR)
    return await restarted.credentials.tokens.getAccessToken(profileId)
  } finally {
    await restarted.dispose()
  }
}

describe('a code exchange in flight', () => {
  it('quitting waits for it, so the new grant (Zoom revoked the old one) is saved', async ({ installation, sandbox, proxies: { gate }, time }) => {
    const { core, profileId } = await connected(installation, sandbox, gate)
    const held = gate.hold('/oauth/token')
    const reconnecting = core.credentials.auth.connect(profileId).then(
      () => 'connected',
      (error: { code?: string }) => error.code,
    )
    await held.arrived
    const quitting = core.dispose()
    // Let the quit run as far as it goes without the exchange.
    for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve))
    held.release()
    expect(await reconnecting).toBe('connected')
    await quitting
    await expect(refreshAfterRestart(installation, time, profileId)).resolves.toMatchObject({ accessToken: expect.any(String) })
  })

  it('locking the vault waits for it too', async ({ installation, sandbox, proxies: { gate }, time }) => {
    const { core, profileId } = await connected(installation, sandbox, gate)
    const held = gate.hold('/oauth/token')
    const reconnecting = core.credentials.auth.connect(profileId).then(
      () => 'connected',
      (error: { code?: string }) => error.code,
    )
    await held.arrived
    const locking = invoke(core, 'vault.lock', undefined)
    for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve))
    held.release()
    expect(await reconnecting).toBe('connected')
    expect(await locking).toMatchObject({ state: 'locked' })
    await core.dispose()
    await expect(refreshAfterRestart(installation, time, profileId)).resolves.toMatchObject({ accessToken: expect.any(String) })
  })
})
