// A locked vault and an undecryptable token set become connection states ('locked',
// 'needs_repair'); the ciphertext is kept, and connecting again repairs it.
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
let dataDir: string
const time = new ManualTime()
const safeStorage = new FakeSafeStorage()
const cheap = { N: 2 ** 10, r: 8, p: 1 }

beforeAll(async () => {
  sandbox = await startSandbox({ now: () => time.now() })
  dataDir = await mkdtemp(join(tmpdir(), 'zc-vault-states-'))
})
afterAll(async () => {
  await sandbox.close()
  await rm(dataDir, { recursive: true, force: true })
})

async function start() {
  const { adapters, fakes } = createFakeAdapters({ dataDir, safeStorage, time })
  const vault = await openVault({ dir: dataDir, safeStorage, platform: 'linux', passphraseCost: cheap })
  const credentials = await createCredentials({ adapters, vault })
  return { vault, credentials, fakes }
}

describe('vault states', () => {
  let profileId = ''

  it('a locked passphrase vault shows as locked and yields VAULT_LOCKED, without a token request', async () => {
    const { vault, credentials } = await start()
    await vault.setupWithPassphrase('correct horse battery')
    profileId = (await credentials.profiles.create(s2sDraft(sandbox))).id
    await credentials.auth.connect(profileId)
    vault.lock()
    credentials.vaultChanged()
    expect(credentials.auth.status(profileId).state).toBe('locked')
    sandbox.resetStats()
    await expect(credentials.tokens.getAccessToken(profileId)).rejects.toMatchObject({ code: 'VAULT_LOCKED' })
    expect(sandbox.stats().tokenRequests).toEqual({})
    await vault.unlock('correct horse battery')
    credentials.vaultChanged()
    expect(credentials.auth.status(profileId).state).toBe('connected')
    await expect(credentials.tokens.getAccessToken(profileId)).resolves.toMatchObject({ accessToken: expect.any(String) })
    await credentials.dispose()
  })

  it('an undecryptable token set means needs_repair; the ciphertext is kept; connecting again repairs it', async () => {
    const path = join(dataDir, 'vault.json')
    const file = JSON.parse(await readFile(path, 'utf8')) as { data: { secrets: Record<string, { tokens: string }> } }
    const sealed = file.data.secrets[profileId]?.tokens ?? ''
    const damaged = `${sealed.slice(0, -6)}${sealed.slice(-6) === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'}`
    file.data.secrets[profileId] = { ...file.data.secrets[profileId], tokens: damaged }
    await writeFile(path, JSON.stringify(file))

    const { vault, credentials } = await start()
    await vault.unlock('correct horse battery')
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
