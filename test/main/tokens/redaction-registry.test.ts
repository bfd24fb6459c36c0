// The log redactor's registry of secret values stays bounded and does not outlive the secrets:
// rotated-out tokens leave it (after one rotation of grace), a forgotten connection's tokens and
// a finished sign-in's code leave it, and a locked vault empties it.
import { describe, expect } from 'vitest'
import { credentialsTest } from '../auth/credentials-fixture'
import { isRegisteredSecret, redact, registeredSecretCount } from '../../../main/log/redact'
import { s2sDraft, tokensOf, userDraft } from '../auth/credentials-harness'

const PASSPHRASE = 'correct horse battery'
// The lock test's installation has a passphrase vault (one that can be locked); the file's app has the keychain.
const it = credentialsTest({ installation: { passphrase: PASSPHRASE } })
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

  it('locking the vault empties the registry; using a token again registers it again', async ({ installation, sandbox }) => {
    const { vault, credentials } = await installation.start()
    const profileId = (await credentials.profiles.create(s2sDraft(sandbox, 'Locked away'))).id
    await credentials.auth.connect(profileId)
    const { accessToken } = await credentials.tokens.getAccessToken(profileId)
    expect(isRegisteredSecret(accessToken)).toBe(true)
    vault.lock()
    credentials.vaultChanged()
    expect(registeredSecretCount()).toBe(0)
    await vault.unlock(PASSPHRASE)
    credentials.vaultChanged()
    expect((await credentials.tokens.getAccessToken(profileId)).accessToken).toBe(accessToken)
    expect(isRegisteredSecret(accessToken)).toBe(true)
  })

  it('a vault started over (no key at all) keeps no token in memory either', async ({ installation, sandbox }) => {
    const { vault, credentials } = await installation.start()
    const profileId = (await credentials.profiles.create(s2sDraft(sandbox, 'Started over'))).id
    await credentials.auth.connect(profileId)
    const { accessToken } = await credentials.tokens.getAccessToken(profileId)
    await vault.reset()
    credentials.vaultChanged()
    expect(isRegisteredSecret(accessToken)).toBe(false)
    expect(registeredSecretCount()).toBe(0)
    await vault.setupWithPassphrase('a new passphrase')
    credentials.vaultChanged()
    // The token read with the old key is gone with it: nothing is served from memory.
    await expect(credentials.tokens.getAccessToken(profileId)).rejects.toBeDefined()
  })
})
