// A locked vault and an undecryptable token set become connection states ('locked',
// 'needs_repair'); the ciphertext is kept, and connecting again repairs it. Each test builds its
// own installation (data dir, passphrase vault, connected profile), so either runs alone.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCredentials } from '../../../main/auth/credentials'
import { openVault } from '../../../main/vault'
import { createFakeAdapters } from '../../fakes/adapters'
import { FakeSafeStorage } from '../../fakes/fake-safe-storage'
import { ManualTime } from '../../fakes/manual-time'
import { startSandbox, type Sandbox } from '../../sandbox'
import { s2sDraft } from '../auth/credentials-harness'

let sandbox: Sandbox
const dataDirs: string[] = []
const time = new ManualTime()
const cheap = { N: 2 ** 10, r: 8, p: 1 }
const PASSPHRASE = 'correct horse battery'

beforeAll(async () => {
  sandbox = await startSandbox({ now: () => time.now() })
})
afterAll(async () => {
  await sandbox.close()
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true })
})

/** One "app start" over an installation's files. */
async function start(installation: { dataDir: string; safeStorage: FakeSafeStorage }) {
  const { adapters, fakes } = createFakeAdapters({ ...installation, time })
  const vault = await openVault({ dir: installation.dataDir, safeStorage: installation.safeStorage, platform: 'linux', passphraseCost: cheap })
  const credentials = await createCredentials({ adapters, vault })
  return { vault, credentials, fakes }
}

/** A fresh installation with a passphrase vault and a connected Server-to-Server profile, left running. */
async function connectedInstallation() {
  const installation = { dataDir: await mkdtemp(join(tmpdir(), 'zc-vault-states-')), safeStorage: new FakeSafeStorage() }
  dataDirs.push(installation.dataDir)
  const running = await start(installation)
  await running.vault.setupWithPassphrase(PASSPHRASE)
  const profileId = (await running.credentials.profiles.create(s2sDraft(sandbox))).id
  await running.credentials.auth.connect(profileId)
  return { ...installation, ...running, profileId }
}

describe('vault states', () => {
  it('a locked passphrase vault shows as locked and yields VAULT_LOCKED, without a token request', async () => {
    const { vault, credentials, profileId } = await connectedInstallation()
    vault.lock()
    credentials.vaultChanged()
    expect(credentials.auth.status(profileId).state).toBe('locked')
    sandbox.resetStats()
    await expect(credentials.tokens.getAccessToken(profileId)).rejects.toMatchObject({ code: 'VAULT_LOCKED' })
    expect(sandbox.stats().tokenRequests).toEqual({})
    await vault.unlock(PASSPHRASE)
    credentials.vaultChanged()
    expect(credentials.auth.status(profileId).state).toBe('connected')
    await expect(credentials.tokens.getAccessToken(profileId)).resolves.toMatchObject({ accessToken: expect.any(String) })
    await credentials.dispose()
  })

  it('an undecryptable token set means needs_repair; the ciphertext is kept; connecting again repairs it', async () => {
    const installation = await connectedInstallation()
    await installation.credentials.dispose()
    const { profileId } = installation
    const path = join(installation.dataDir, 'vault.json')
    const file = JSON.parse(await readFile(path, 'utf8')) as { data: { secrets: Record<string, { tokens: string }> } }
    const sealed = file.data.secrets[profileId]?.tokens ?? ''
    expect(sealed.length).toBeGreaterThan(6)
    const damaged = `${sealed.slice(0, -6)}${sealed.slice(-6) === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'}`
    file.data.secrets[profileId] = { ...file.data.secrets[profileId], tokens: damaged }
    await writeFile(path, JSON.stringify(file))

    const { vault, credentials } = await start(installation)
    await vault.unlock(PASSPHRASE)
    await expect(credentials.tokens.getAccessToken(profileId)).rejects.toMatchObject({ code: 'VAULT_DECRYPT_FAILED' })
    expect(credentials.auth.status(profileId).state).toBe('needs_repair')
    expect((await credentials.profiles.view(profileId)).needsRepair).toEqual(['tokens'])
    expect(vault.hasSecret(profileId, 'tokens')).toBe(true)

    expect((await credentials.auth.connect(profileId)).state).toBe('connected')
    expect((await credentials.profiles.view(profileId)).needsRepair).toEqual([])
    expect(JSON.stringify(JSON.parse(await readFile(path, 'utf8')))).toContain(damaged)
    await credentials.dispose()
  })
})
