// Locking the vault, or quitting, while a refresh is on the wire: Zoom rotates the refresh token,
// so the new set must reach the vault before the key is dropped — otherwise it lives only in
// memory, the next start reads the old (now dead) refresh token, and the profile needs
// reconnecting. The whole core runs here (the vault.lock channel, core.dispose) over a passphrase
// vault, with the token request held at a proxy until the lock or quit has begun.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../../main/core'
import { createFakeAdapters } from '../../fakes/adapters'
import { FakeSafeStorage } from '../../fakes/fake-safe-storage'
import { startGatedProxy, type GatedProxy } from '../../fakes/gated-proxy'
import { ManualTime } from '../../fakes/manual-time'
import { startSandbox, type Sandbox } from '../../sandbox'
import { userDraft } from '../auth/credentials-harness'

const PASSPHRASE = 'correct horse battery staple'
const FRAME = { frameUrl: 'app://zoom-connect/index.html', isMainFrame: true, isOurWindow: true }
const HOUR = 3600_000

let sandbox: Sandbox
let gate: GatedProxy
const time = new ManualTime()
const dirs: string[] = []

beforeAll(async () => {
  sandbox = await startSandbox({ now: () => time.now(), users: 10 })
  gate = await startGatedProxy()
  gate.target = sandbox.url
})
afterAll(async () => {
  await gate.close()
  await sandbox.close()
  for (const dir of dirs) await rm(dir, { recursive: true, force: true })
})

async function startCore(dataDir: string, safeStorage: FakeSafeStorage): Promise<Core> {
  const { adapters } = createFakeAdapters({ dataDir, safeStorage, time, script: { credentials: sandbox.login } })
  return createCore(adapters, { trustedOrigins: ['app://zoom-connect'] })
}

async function invoke(core: Core, channel: string, input: unknown): Promise<unknown> {
  const reply = (await core.router.invoke(channel, FRAME, input)) as { ok: boolean; value?: unknown; error?: unknown }
  if (!reply.ok) throw new Error(`${channel} failed: ${JSON.stringify(reply.error)}`)
  return reply.value
}

/** A connected user app whose token requests pass the gate, its token expired: the next use refreshes. */
async function installation() {
  const dataDir = await mkdtemp(join(tmpdir(), 'zc-lock-refresh-'))
  dirs.push(dataDir)
  const safeStorage = new FakeSafeStorage()
  const core = await startCore(dataDir, safeStorage)
  await invoke(core, 'vault.setup', { protector: 'passphrase', passphrase: PASSPHRASE })
  const draft = userDraft(sandbox, 'Rotating')
  const profile = await core.credentials.profiles.create({ ...draft, fields: { ...draft.fields, cloud: { kind: 'custom', oauthBaseUrl: gate.url, apiBaseUrl: sandbox.url } } })
  await core.credentials.auth.connect(profile.id)
  time.advance(HOUR)
  return { dataDir, safeStorage, core, profileId: profile.id }
}

/** After a restart and unlock: does the stored refresh token still work? */
async function stillConnectedAfterRestart(dataDir: string, safeStorage: FakeSafeStorage, profileId: string) {
  const restarted = await startCore(dataDir, safeStorage)
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
  it('locking the vault waits for it, so the rotated refresh token is saved', async () => {
    const { dataDir, safeStorage, core, profileId } = await installation()
    const held = gate.hold('/oauth/token')
    const refreshing = core.credentials.tokens.getAccessToken(profileId)
    await held.arrived
    const locking = invoke(core, 'vault.lock', undefined)
    held.release()
    await refreshing
    expect(await locking).toMatchObject({ state: 'locked' })
    await core.dispose()
    await expect(stillConnectedAfterRestart(dataDir, safeStorage, profileId)).resolves.toMatchObject({ accessToken: expect.any(String) })
  })

  it('quitting waits for it too, and saves it before the key is dropped', async () => {
    const { dataDir, safeStorage, core, profileId } = await installation()
    const held = gate.hold('/oauth/token')
    const refreshing = core.credentials.tokens.getAccessToken(profileId)
    await held.arrived
    const quitting = core.dispose()
    held.release()
    await refreshing
    await quitting
    await expect(stillConnectedAfterRestart(dataDir, safeStorage, profileId)).resolves.toMatchObject({ accessToken: expect.any(String) })
  })
})
