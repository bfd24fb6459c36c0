// A locked vault and an undecryptable token set become connection states ('locked',
// 'needs_repair'); the ciphertext is kept, and connecting again repairs it. Each test builds its
// own installation (data dir, passphrase vault, connected profile), so either runs alone.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import type { Sandbox } from '../../sandbox'
import { credentialsTest } from '../auth/credentials-fixture'
import { s2sDraft, type Harness } from '../auth/credentials-harness'

const PASSPHRASE = 'correct horse battery'
const it = credentialsTest({ passphrase: PASSPHRASE })

/** The installation's first start (it sets up the passphrase vault) with a connected Server-to-Server profile, left running. */
async function connectedInstallation(installation: Harness, sandbox: Sandbox) {
  const running = await installation.start()
  const profileId = (await running.credentials.profiles.create(s2sDraft(sandbox))).id
  await running.credentials.auth.connect(profileId)
  return { ...running, profileId }
}

describe('vault states', () => {
  it('a locked passphrase vault shows as locked and yields VAULT_LOCKED, without a token request', async ({ installation, sandbox }) => {
    const { vault, credentials, profileId } = await connectedInstallation(installation, sandbox)
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

  it('an undecryptable token set means needs_repair; the ciphertext is kept; connecting again repairs it', async ({ installation, sandbox }) => {
    const first = await connectedInstallation(installation, sandbox)
    await first.credentials.dispose()
    const { profileId } = first
    const path = join(installation.dataDir, 'vault.json')
    const file = JSON.parse(await readFile(path, 'utf8')) as { data: { secrets: Record<string, { tokens: string }> } }
    const sealed = file.data.secrets[profileId]?.tokens ?? ''
    expect(sealed.length).toBeGreaterThan(6)
    const damaged = `${sealed.slice(0, -6)}${sealed.slice(-6) === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'}`
    file.data.secrets[profileId] = { ...file.data.secrets[profileId], tokens: damaged }
    await writeFile(path, JSON.stringify(file))

    const { vault, credentials } = await installation.start()
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
