// Known-answer tests: vaults written by earlier builds (test/fixtures/vault/, made once by
// generate.ts with a fixed data key and passphrase) must still decrypt to the same plaintexts.
import { cp, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createOsKeychainProtector, createPassphraseProtector, openVault, type WrappedKey } from '../../../main/vault'
import { open } from '../../../main/vault/sealed-box'
import { GOLDEN_BACKEND, GOLDEN_DATA_KEY, GOLDEN_FIXTURES, GOLDEN_KEYRING, GOLDEN_PASSPHRASE, GOLDEN_SECRETS } from '../../fixtures/vault/golden-values'
import { FakeSafeStorage } from './fake-safe-storage'
import { makeTempDir, removeTempDir } from './helpers'

const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/vault')
const goldenSafeStorage = () => new FakeSafeStorage({ backend: GOLDEN_BACKEND, keyring: GOLDEN_KEYRING })

interface FixtureFile {
  schemaVersion: number
  data: { key: { wrapped: WrappedKey }; secrets: Record<string, Record<string, string>> }
}
const readFixture = async (name: string) => JSON.parse(await readFile(join(fixturesDir, name, 'vault.json'), 'utf8')) as FixtureFile

let dir: string
beforeEach(async () => {
  dir = await makeTempDir()
})
afterEach(async () => {
  await removeTempDir(dir)
})

describe.each(GOLDEN_FIXTURES)('golden vault %s', (name) => {
  it('holds every golden secret as zcv1 ciphertext that opens with the known data key', async () => {
    const fixture = await readFixture(name)
    expect(fixture.schemaVersion).toBe(1)
    for (const { profileId, field, value } of GOLDEN_SECRETS) {
      const sealed = fixture.data.secrets[profileId]?.[field]
      expect(sealed, `${profileId}.${field}`).toMatch(/^zcv1:/)
      expect(open(GOLDEN_DATA_KEY, sealed!, ['secret', profileId, field]).toString('utf8')).toBe(value)
    }
  })

  it('unwraps to the known data key with its protector', async () => {
    const { wrapped } = (await readFixture(name)).data.key
    const protector = wrapped.kind === 'passphrase' ? createPassphraseProtector(GOLDEN_PASSPHRASE) : createOsKeychainProtector(goldenSafeStorage(), 'linux')
    expect(await protector.unwrap(wrapped)).toEqual(GOLDEN_DATA_KEY)
  })

  it('opens through the Vault and returns every golden secret', async () => {
    await cp(join(fixturesDir, name), dir, { recursive: true })
    const vault = await openVault({ dir, safeStorage: goldenSafeStorage(), platform: 'linux' })
    expect(vault.problems).toEqual([])
    expect(vault.status().state).toBe('locked')
    await vault.unlock(name.startsWith('passphrase') ? GOLDEN_PASSPHRASE : undefined)
    for (const { profileId, field, value } of GOLDEN_SECRETS) expect(await vault.getSecret(profileId, field)).toBe(value)
    expect(await vault.profilesNeedingRepair()).toEqual({})
  })

  it('contains none of the plaintexts', async () => {
    const text = await readFile(join(fixturesDir, name, 'vault.json'), 'utf8')
    for (const { value } of GOLDEN_SECRETS.filter((s) => s.value.length > 0)) expect(text).not.toContain(value)
    expect(text).not.toContain('GOLDEN')
  })
})
