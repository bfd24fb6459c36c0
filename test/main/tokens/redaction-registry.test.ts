// The log redactor's registry of secret values stays bounded and does not outlive the secrets:
// rotated-out tokens leave it (after one rotation of grace), a forgotten connection's tokens and
// a finished sign-in's code leave it, and a locked vault empties it.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { credentialsTest } from '../auth/credentials-fixture'
import { createCredentials } from '../../../main/auth/credentials'
import { isRegisteredSecret, redact, registeredSecretCount } from '../../../main/log/redact'
import { openVault } from '../../../main/vault'
import { createFakeAdapters } from '../../fakes/adapters'
import { FakeSafeStorage } from '../../fakes/fake-safe-storage'
import { s2sDraft, tokensOf, userDraft } from '../auth/credentials-harness'

const it = credentialsTest()
const HOUR = 3600_000

describe('the redaction registry', () => {
  it('keeps the current and the previous token set of a profile, not every token ever seen', async ({ app, sandbox, time }) => {
    const profile = await app.call('profiles.create', userDraft(sandbox, 'Rotating'))
    await app.call('auth.connect', { profileId: profile.id })
    const generations: string[][] = [await tokensOf(app, profile.id)]
    const counts: number[] = []
    for (let i = 0; i < 6; i++) {
      time.advance(HOUR)
      await app.credentials.tokens.getAccessToken(profile.id)
      generations.push(await tokensOf(app, profile.id))
      counts.push(registeredSecretCount())
    }
    // Bounded: once the grace set is full, rotating does not grow the registry.
    expect(new Set(counts.slice(1)).size).toBe(1)
    const [current = [], previous = []] = generations.slice(-2).reverse()
    for (const token of [...current, ...previous]) expect(isRegisteredSecret(token)).toBe(true)
    for (const token of generations.slice(0, -2).flat()) expect(isRegisteredSecret(token)).toBe(false)
    expect(redact(`token ${current[0]}`)).toBe('token [redacted]')
  })

  it("a disconnected profile's tokens leave the registry; a sign-in's code does not stay in it", async ({ app, sandbox }) => {
    let callback = ''
    app.fakes.authWindow.rewriteCallback = (url) => (callback = url)
    const profile = await app.call('profiles.create', userDraft(sandbox, 'Leaving'))
    await app.call('auth.connect', { profileId: profile.id })
    app.fakes.authWindow.rewriteCallback = undefined
    const code = new URL(callback).searchParams.get('code') ?? ''
    expect(code.length).toBeGreaterThan(6)
    expect(isRegisteredSecret(code)).toBe(false)
    const tokens = await tokensOf(app, profile.id)
    for (const token of tokens) expect(isRegisteredSecret(token)).toBe(true)
    await app.call('auth.disconnect', { profileId: profile.id })
    for (const token of tokens) expect(isRegisteredSecret(token)).toBe(false)
  })

  it('locking the vault empties the registry; using a token again registers it again', async ({ sandbox, time }) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'zc-redact-lock-'))
    const { adapters } = createFakeAdapters({ dataDir, safeStorage: new FakeSafeStorage(), time })
    const vault = await openVault({ dir: dataDir, safeStorage: adapters.safeStorage, platform: 'linux', passphraseCost: { N: 2 ** 10, r: 8, p: 1 } })
    const credentials = await createCredentials({ adapters, vault })
    try {
      await vault.setupWithPassphrase('correct horse battery')
      const profileId = (await credentials.profiles.create(s2sDraft(sandbox, 'Locked away'))).id
      await credentials.auth.connect(profileId)
      const { accessToken } = await credentials.tokens.getAccessToken(profileId)
      expect(isRegisteredSecret(accessToken)).toBe(true)
      vault.lock()
      credentials.vaultChanged()
      expect(registeredSecretCount()).toBe(0)
      await vault.unlock('correct horse battery')
      credentials.vaultChanged()
      expect((await credentials.tokens.getAccessToken(profileId)).accessToken).toBe(accessToken)
      expect(isRegisteredSecret(accessToken)).toBe(true)
    } finally {
      await credentials.dispose()
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
