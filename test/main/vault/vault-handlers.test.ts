// The vault.* channels as the renderer reaches them: contract schema, then handler, then vault.
import { afterEach, beforeEach, expect, it } from 'vitest'
import { channels, type ChannelInput } from '../../../common/contract'
import { createVaultHandlers } from '../../../main/ipc/handlers/vault'
import type { EventSink } from '../../../main/ports'
import { makeTempDir, openTestVault, removeTempDir } from './helpers'

let dir: string
beforeEach(async () => {
  dir = await makeTempDir()
})
afterEach(async () => {
  await removeTempDir(dir)
})

const events: EventSink = { emit: () => undefined }

it('vault.changeProtection passes the current passphrase on to the vault, which checks it', async () => {
  const vault = await openTestVault(dir)
  await vault.setupWithPassphrase('old passphrase')
  const handlers = createVaultHandlers(vault, events, () => undefined)
  const change = (input: ChannelInput<'vault.changeProtection'>) =>
    handlers['vault.changeProtection'](channels['vault.changeProtection'].input.parse(input), {})

  await expect(change({ protector: 'passphrase', passphrase: 'new passphrase' })).rejects.toMatchObject({ code: 'VAULT_BAD_PASSPHRASE' })
  await expect(change({ protector: 'passphrase', passphrase: 'new passphrase', currentPassphrase: 'old passphrase' })).resolves.toMatchObject({
    state: 'unlocked',
    protection: { kind: 'passphrase' },
  })
  vault.lock()
  await expect(vault.unlock('new passphrase')).resolves.toMatchObject({ state: 'unlocked' })
})
