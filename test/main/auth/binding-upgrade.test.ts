// Upgrading from a build whose binding left out a sign-in's redirect URL and PKCE method
// (test/fixtures/vault/keychain-bound-rule1, written by that build): every connection still opens
// through the whole credentials stack, and from then on those two fields are bound as well.
import { copyFile, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect } from 'vitest'
import { GOLDEN_KEYRING, GOLDEN_PROFILES, GOLDEN_SECRETS } from '../../fixtures/vault/golden-values'
import { credentialsTest } from './credentials-fixture'

const fixture = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/vault/keychain-bound-rule1/vault.json')
const it = credentialsTest()

type ProfilesFile = { schemaVersion: number; data: { profiles: Array<Record<string, unknown> & { id: string }> } }

describe('a vault bound under the earlier rule', () => {
  it('opens every connection after the upgrade, then refuses a redirect URL or PKCE method edited on disk', async ({ installation }) => {
    // The installation as the earlier build left it: its vault, its keychain, its profiles.
    await copyFile(fixture, join(installation.dataDir, 'vault.json'))
    installation.safeStorage.replaceKeyring(GOLDEN_KEYRING)
    const at = '2026-01-01T00:00:00.000Z'
    const profiles = Object.entries(GOLDEN_PROFILES).map(([id, fields]) => ({ ...fields, id, createdAt: at, updatedAt: at }))
    const profilesPath = join(installation.dataDir, 'profiles.json')
    await writeFile(profilesPath, JSON.stringify({ schemaVersion: 1, data: { profiles } } satisfies ProfilesFile))

    const app = await installation.start()
    // Every stored secret is handed out (the vault checks each against its profile): nothing needs repair.
    for (const { profileId, field, value } of GOLDEN_SECRETS) expect(await app.vault.getSecret(profileId, field)).toBe(value)
    expect((await app.call('profiles.list', undefined)).map((p) => [p.id, p.needsRepair])).toEqual(profiles.map((p) => [p.id, []]))
    await app.close()

    for (const change of [{ redirectUri: 'https://evil.example/zoom/callback' }, { pkceMethod: 'plain' }]) {
      const file = JSON.parse(await readFile(profilesPath, 'utf8')) as ProfilesFile
      file.data.profiles = profiles.map((p) => (p.id === 'golden-oauth' ? { ...p, ...change } : p))
      await writeFile(profilesPath, JSON.stringify(file))
      const restarted = await installation.start()
      await expect(restarted.vault.getSecret('golden-oauth', 'tokens')).rejects.toMatchObject({ code: 'VAULT_DECRYPT_FAILED', reason: 'binding-mismatch' })
      await expect(restarted.call('auth.connect', { profileId: 'golden-oauth' })).rejects.toMatchObject({ code: 'VAULT_DECRYPT_FAILED' })
      expect(restarted.fakes.authWindow.opened).toEqual([])
      expect((await restarted.call('auth.status', { profileId: 'golden-oauth' })).state).toBe('needs_repair')
      await restarted.close()
    }
  })
})
