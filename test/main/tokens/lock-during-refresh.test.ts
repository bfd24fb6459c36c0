// Locking the vault, or quitting, while a refresh is on the wire: Zoom rotates the refresh token,
// so the new set must reach the vault before the key is dropped — otherwise it lives only in
// memory, the next start reads the old (now dead) refresh token, and the profile needs
// reconnecting. The whole core runs here (the vault.lock channel, core.dispose) over a passphrase
// vault, with the token request held at a proxy until the lock or quit has begun.
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

/** A connected user app whose token requests pass the gate, its token expired: the next use refreshes. */
async function connected(installation: Harness, sandbox: Sandbox, gate: GatedProxy, time: ManualTime) {
  const core = await installation.startCore()
  await invoke(core, 'vault.setup', { protector: 'passphrase', passphrase: PASSPHRASE })
  const draft = userDraft(sandbox, 'Rotating')
  const profile = await core.credentials.profiles.create({ ...draft, fields: { ...draft.fields, cloud: { kind: 'custom', oauthBaseUrl: gate.url, apiBaseUrl: sandbox.url } } })
  await core.credentials.auth.connect(profile.id)
  time.advance(HOUR)
  return { core, profileId: profile.id }
}

/** After a restart and unlock: does the stored refresh token still work? */
async function stillConnectedAfterRestart(installation: Harness, time: ManualTime, profileId: string) {
  const restarted = await installation.startCore()
  try {
    await invoke(restarted, 'vault.unlock', { passphrase: PASSPHRASE })
    time.advance(HOUR)
    const refreshing = restarted.credentials.tokens.getAccessToken(profileId)
    return await refreshing
  } finally {
    await restarted.dispose()
  }
}

describe('a refresh in flight', () => {
  it('locking the vault waits for it, so the rotated refresh token is saved', async ({ installation, sandbox, proxies: { gate }, time }) => {
    const { core, profileId } = await connected(installation, sandbox, gate, time)
    const held = gate.hold('/oauth/token')
    const refreshing = core.credentials.tokens.getAccessToken(profileId)
    await held.arrived
    const locking = invoke(core, 'vault.lock', undefined)
    held.release()
    await refreshing
    expect(await locking).toMatchObject({ state: 'locked' })
    await core.dispose()
    await expect(stillConnectedAfterRestart(installation, time, profileId)).resolves.toMatchObject({ accessToken: expect.any(String) })
  })

  it('quitting waits for it too, and saves it before the key is dropped', async ({ installation, sandbox, proxies: { gate }, time }) => {
    const { core, profileId } = await connected(installation, sandbox, gate, time)
    const held = gate.hold('/oauth/token')
    const refreshing = core.credentials.tokens.getAccessToken(profileId)
    await held.arrived
    const quitting = core.dispose()
    held.release()
    await refreshing
    await quitting
    await expect(stillConnectedAfterRestart(installation, time, profileId)).resolves.toMatchObject({ accessToken: expect.any(String) })
  })

  // The quit's own bound (15 s) is shorter than a token request's timeout (30 s): an answer that
  // comes in between carries the only working refresh token, since Zoom revoked the old one.
  it('quitting waits past its bound for a refresh still on the wire, answered after 16 s', async ({ installation, sandbox, proxies: { gate }, time }) => {
    const { core, profileId } = await connected(installation, sandbox, gate, time)
    const held = gate.hold('/oauth/token')
    const refreshing = core.credentials.tokens.getAccessToken(profileId)
    await held.arrived
    // No timer is pending now, so the next one set is the quit's bound.
    expect(time.pending()).toBe(0)
    let quit = false
    const quitting = core.dispose().then(() => void (quit = true))
    await time.whenPending()
    time.advance(16_000)
    // Let the quit run as far as it goes without Zoom's answer.
    for (let i = 0; i < 100 && !quit; i++) await new Promise<void>((resolve) => setImmediate(resolve))
    const quitBeforeTheAnswer = quit
    held.release()
    const refreshed = await refreshing.then(
      () => 'refreshed',
      (error: { code?: string }) => error.code,
    )
    await quitting
    expect({ quitBeforeTheAnswer, refreshed }).toEqual({ quitBeforeTheAnswer: false, refreshed: 'refreshed' })
    await expect(stillConnectedAfterRestart(installation, time, profileId)).resolves.toMatchObject({ accessToken: expect.any(String) })
  })
})
