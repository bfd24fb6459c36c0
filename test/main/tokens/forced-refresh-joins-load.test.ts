// A forced renewal (Zoom answered 401 to the token) must not be satisfied by a plain load of the
// stored set that happens to be in flight: that hands the refused token back, the retry fails the
// same way, and Test connection tells the person to reconnect when one refresh would have done.
import { describe, expect } from 'vitest'
import { credentialsTest } from '../auth/credentials-fixture'
import { tokenRequests, userDraft } from '../auth/credentials-harness'

const PASSPHRASE = 'correct horse battery'
const it = credentialsTest({ installation: { passphrase: PASSPHRASE } })

describe('a forced renewal', () => {
  it('joining a load of the stored set still renews the refused token', async ({ installation, sandbox }) => {
    const { vault, credentials } = await installation.start()
    const profileId = (await credentials.profiles.create(userDraft(sandbox, 'Refused'))).id
    await credentials.auth.connect(profileId)
    const { accessToken: refused } = await credentials.tokens.getAccessToken(profileId)
    // The vault is locked and unlocked (the tokens leave memory) while a request with `refused` is out.
    vault.lock()
    credentials.vaultChanged()
    await vault.unlock(PASSPHRASE)
    credentials.vaultChanged()
    sandbox.resetStats()
    // Another request needs a token (a load from the vault) as Zoom's 401 for `refused` comes back.
    const loading = credentials.tokens.getAccessToken(profileId)
    const renewed = credentials.tokens.getAccessToken(profileId, { forceRefresh: true, rejectedToken: refused })
    await loading
    expect((await renewed).accessToken).not.toBe(refused)
    expect(tokenRequests(sandbox, 'refresh_token')).toBe(1)
  })
})
