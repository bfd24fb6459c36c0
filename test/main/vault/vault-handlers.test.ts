// The vault.* channels as the renderer reaches them: contract schema, then handler, then vault.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { channels, type ChannelInput } from '../../../common/contract'
import { createVaultHandlers } from '../../../main/ipc/handlers/vault'
import type { DialogPort, EventSink } from '../../../main/ports'
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
  const handlers = createVaultHandlers(vault, events, () => undefined, { confirm: async () => true })
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

describe('moving away from a passphrase', () => {
  /** Main's own confirmation (DialogPort.confirm), answered by the test. */
  function dialogs(answers: boolean[]) {
    const asked: { title: string; message: string; detail?: string; confirmLabel: string }[] = []
    const port: Pick<DialogPort, 'confirm'> = {
      confirm: async (options) => {
        asked.push(options)
        return answers.shift() ?? false
      },
    }
    return { port, asked }
  }

  it('to the OS keychain needs the current passphrase and a confirmation in main’s dialog', async () => {
    const vault = await openTestVault(dir)
    await vault.setupWithPassphrase('old passphrase')
    await vault.setSecret('p1', 'clientSecret', 'kept')
    const fileBefore = await readFile(join(dir, 'vault.json'))
    const { port, asked } = dialogs([false, true])
    const handlers = createVaultHandlers(vault, events, () => undefined, port)
    const change = (input: unknown) => handlers['vault.changeProtection'](channels['vault.changeProtection'].input.parse(input), {})

    // A compromised renderer that found the app unlocked: no passphrase, no change, no dialog.
    await expect(change({ protector: 'os-keychain' })).rejects.toMatchObject({ code: 'VAULT_BAD_PASSPHRASE' })
    await expect(change({ protector: 'os-keychain', currentPassphrase: 'a guess at it' })).rejects.toMatchObject({ code: 'VAULT_BAD_PASSPHRASE' })
    expect(asked).toEqual([])
    // The right passphrase, but the person says no in main's dialog.
    await expect(change({ protector: 'os-keychain', currentPassphrase: 'old passphrase' })).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(asked).toHaveLength(1)
    expect(asked[0]!.message).toMatch(/passphrase/i)
    expect(await readFile(join(dir, 'vault.json'))).toEqual(fileBefore)
    expect(vault.status().protection.kind).toBe('passphrase')

    await expect(change({ protector: 'os-keychain', currentPassphrase: 'old passphrase' })).resolves.toMatchObject({ protection: { kind: 'os-keychain' } })
    expect(asked).toHaveLength(2)
    const restarted = await openTestVault(dir)
    expect(await restarted.getSecret('p1', 'clientSecret')).toBe('kept')
  })

  it('to a new passphrase is confirmed in main’s dialog too', async () => {
    const vault = await openTestVault(dir)
    await vault.setupWithKeychain()
    const { port, asked } = dialogs([true, false])
    const handlers = createVaultHandlers(vault, events, () => undefined, port)
    const change = (input: unknown) => handlers['vault.changeProtection'](channels['vault.changeProtection'].input.parse(input), {})
    await expect(change({ protector: 'passphrase', passphrase: 'first passphrase' })).resolves.toMatchObject({ protection: { kind: 'passphrase' } })
    expect(asked).toHaveLength(1)
    await expect(change({ protector: 'passphrase', passphrase: 'second passphrase', currentPassphrase: 'first passphrase' })).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(asked).toHaveLength(2)
    vault.lock()
    await expect(vault.unlock('first passphrase')).resolves.toMatchObject({ state: 'unlocked' })
  })
})

describe('from the OS keychain', () => {
  it('to a passphrase the renderer chose: nothing changes unless the person says yes in main’s dialog', async () => {
    const vault = await openTestVault(dir)
    await vault.setupWithKeychain()
    await vault.setSecret('p1', 'clientSecret', 'kept')
    const fileBefore = await readFile(join(dir, 'vault.json'))
    const asked: string[] = []
    const handlers = createVaultHandlers(vault, events, () => undefined, {
      confirm: async (options) => {
        asked.push(options.message)
        return false
      },
    })
    const change = (input: unknown) => handlers['vault.changeProtection'](channels['vault.changeProtection'].input.parse(input), {})
    await expect(change({ protector: 'passphrase', passphrase: 'attacker-chosen-pass' })).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(asked).toHaveLength(1)
    expect(asked[0]).toMatch(/passphrase/i)
    await expect(change({ protector: 'os-keychain' })).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(asked).toHaveLength(2)
    expect(await readFile(join(dir, 'vault.json'))).toEqual(fileBefore)
    expect(vault.status().protection.kind).toBe('os-keychain')
    const restarted = await openTestVault(dir)
    expect(await restarted.getSecret('p1', 'clientSecret')).toBe('kept')
  })
})

describe('starting over after a forgotten passphrase', () => {
  it('asks in main’s dialog, then gives a new vault with the protection chosen; the old secrets are archived, not readable', async () => {
    const vault = await openTestVault(dir)
    await vault.setupWithPassphrase('forgotten passphrase')
    await vault.setSecret('p1', 'clientSecret', 'sealed-by-the-old-key')
    vault.lock()
    const answers = [false, true]
    const asked: string[] = []
    // The vault's state each time the app is told it changed (a locked vault drops every token held in memory).
    const toldWhile: string[] = []
    const handlers = createVaultHandlers(vault, events, () => toldWhile.push(vault.status().state), {
      confirm: async (options) => {
        asked.push(options.title)
        return answers.shift() ?? false
      },
    })
    const startOver = (input: unknown) => handlers['vault.startOver'](channels['vault.startOver'].input.parse(input), {})

    await expect(startOver({ protector: 'passphrase', passphrase: 'a new passphrase' })).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(vault.status()).toMatchObject({ state: 'locked', protection: { kind: 'passphrase' } })
    await expect(vault.unlock('forgotten passphrase')).resolves.toMatchObject({ state: 'unlocked' })
    expect(await vault.getSecret('p1', 'clientSecret')).toBe('sealed-by-the-old-key')
    vault.lock()

    await expect(startOver({ protector: 'passphrase', passphrase: 'a new passphrase' })).resolves.toMatchObject({ state: 'unlocked', protection: { kind: 'passphrase' } })
    expect(asked).toEqual(['Start over without the passphrase', 'Start over without the passphrase'])
    expect(toldWhile).toEqual(['uninitialised', 'unlocked'])
    expect(vault.hasSecret('p1', 'clientSecret')).toBe(false)
    vault.lock()
    await expect(vault.unlock('forgotten passphrase')).rejects.toMatchObject({ code: 'VAULT_BAD_PASSPHRASE' })
    await expect(vault.unlock('a new passphrase')).resolves.toMatchObject({ state: 'unlocked' })
    // What the old key sealed is kept, sealed, in the archive.
    const file = JSON.parse(await readFile(join(dir, 'vault.json'), 'utf8')) as { data: { archive: { reason: string }[] } }
    expect(file.data.archive.map((entry) => entry.reason)).toContain('reset')
  })
})
