// Main derives what the app shows for a connection (`shown`) and pushes it; the renderer only
// shows it. A locked vault or stored secrets that need repair outrank the connection's own state.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { deriveConnectionStatus, type ConnectionFacts } from '../../../main/tokens/connection-state'
import { credentialsTest } from '../auth/credentials-fixture'
import { customCloud, s2sDraft } from '../auth/credentials-harness'

const PASSPHRASE = 'correct horse battery'
// Each test that needs an app has an installation of its own, with a passphrase vault (one that can be locked).
const it = credentialsTest({ passphrase: PASSPHRASE })

describe('the shown state', () => {
  const connected: ConnectionFacts = {
    profileId: 'p1',
    record: { grant: 's2s', grantedScopes: [], hasRefreshToken: false, obtainedAt: 0, expiresAt: 3_600_000 },
    activity: undefined,
    failure: undefined,
    vaultNeedsUnlock: false,
    vaultLocked: false,
    needsRepair: [],
    renewAt: 3_300_000,
    now: 1_000,
  }

  it('lets a locked vault or an unreadable secret outrank the last reported state', () => {
    expect(deriveConnectionStatus(connected).shown).toBe('connected')
    expect(deriveConnectionStatus({ ...connected, vaultLocked: true }).shown).toBe('locked')
    expect(deriveConnectionStatus({ ...connected, needsRepair: ['refreshToken'] }).shown).toBe('needs_repair')
    expect(deriveConnectionStatus({ ...connected, record: undefined }).shown).toBe('disconnected')
  })

  it('keeps the connection’s own state beside it', () => {
    expect(deriveConnectionStatus({ ...connected, needsRepair: ['clientSecret'] })).toMatchObject({ state: 'connected', shown: 'needs_repair' })
    expect(deriveConnectionStatus({ ...connected, activity: { state: 'refreshing' } })).toMatchObject({ state: 'refreshing', shown: 'refreshing' })
    expect(deriveConnectionStatus({ ...connected, now: 3_300_000 })).toMatchObject({ state: 'expiring', shown: 'expiring' })
  })
})

describe('statuses main pushes', () => {
  it('a locked vault is pushed as shown "locked" for every profile, connected or not', async ({ installation, sandbox }) => {
    const { vault, credentials, fakes } = await installation.start()
    const connectedId = (await credentials.profiles.create(s2sDraft(sandbox, 'Connected'))).id
    const idleId = (await credentials.profiles.create(s2sDraft(sandbox, 'Never connected'))).id
    await credentials.auth.connect(connectedId)
    vault.lock()
    credentials.vaultChanged()
    const pushed = fakes.events.of('auth.status')
    expect(pushed.filter((s) => s.profileId === connectedId).at(-1)).toMatchObject({ state: 'locked', shown: 'locked' })
    expect(pushed.filter((s) => s.profileId === idleId).at(-1)).toMatchObject({ state: 'disconnected', shown: 'locked' })
    await vault.unlock(PASSPHRASE)
    credentials.vaultChanged()
    expect(credentials.auth.status(connectedId)).toMatchObject({ state: 'connected', shown: 'connected' })
    expect(fakes.events.of('auth.status').filter((s) => s.profileId === idleId).at(-1)).toMatchObject({ shown: 'disconnected' })
    await credentials.dispose()
  })

  it('secrets saved for other endpoints show "needs repair" before anything uses them, and typing the secret again clears it', async ({ installation, sandbox }) => {
    const first = await installation.start()
    const profileId = (await first.credentials.profiles.create(s2sDraft(sandbox, 'Moved'))).id
    await first.credentials.auth.connect(profileId)
    await first.credentials.dispose()
    // profiles.json edited on disk: the profile now names another cloud than its secrets were saved for.
    const path = join(installation.dataDir, 'profiles.json')
    const file = JSON.parse(await readFile(path, 'utf8')) as { data: { profiles: { id: string; cloud: unknown }[] } }
    const moved = { kind: 'custom', oauthBaseUrl: 'https://elsewhere.example', apiBaseUrl: 'https://elsewhere.example' }
    file.data.profiles = file.data.profiles.map((p) => (p.id === profileId ? { ...p, cloud: moved } : p))
    await writeFile(path, JSON.stringify(file))

    const { vault, credentials, fakes } = await installation.start()
    await vault.unlock(PASSPHRASE)
    credentials.vaultChanged()
    expect(credentials.auth.status(profileId)).toMatchObject({ state: 'connected', shown: 'needs_repair' })
    expect(fakes.events.of('auth.status').filter((s) => s.profileId === profileId).at(-1)).toMatchObject({ shown: 'needs_repair' })

    // The person repairs it: back to the sandbox, with the secret typed again.
    fakes.dialogs.confirmAnswers.push(true)
    const draft = s2sDraft(sandbox, 'Moved')
    await credentials.profiles.update(profileId, { ...draft, fields: { ...draft.fields, cloud: customCloud(sandbox) } })
    expect(fakes.events.of('auth.status').filter((s) => s.profileId === profileId).at(-1)).toMatchObject({ state: 'disconnected', shown: 'disconnected' })
    await credentials.dispose()
  })
})
