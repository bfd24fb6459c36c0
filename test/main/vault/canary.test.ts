// Secrets written through the vault never appear on disk in any recognisable form.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { VaultError } from '../../../main/vault'
import { FakeSafeStorage } from './fake-safe-storage'
import { makeTempDir, openTestVault, removeTempDir, tamperSecret } from './helpers'

const CANARY = 'CANARY-SECRET-7f3a'
const PASSPHRASE_CANARY = 'CANARY-PASSPHRASE-c41d'

/** The canary as plain text, JSON-escaped, URL-encoded, hex, UTF-16 and base64 at each alignment. */
function encodingsOf(value: string): string[] {
  const base64Forms = [0, 1, 2].map((shift) => {
    const encoded = Buffer.concat([Buffer.alloc(shift), Buffer.from(value)]).toString('base64')
    // Drop the characters that mix in the neighbouring bytes.
    return encoded.slice(Math.ceil((shift * 4) / 3) + 1, -3)
  })
  return [value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value), Buffer.from(value).toString('hex'), ...base64Forms]
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

let dir: string
beforeEach(async () => {
  dir = await makeTempDir()
})
afterEach(async () => {
  await removeTempDir(dir)
})

it('the canary secret and passphrase never reach a file, in any encoding', async () => {
  const safeStorage = new FakeSafeStorage()
  const vault = await openTestVault(dir, safeStorage)
  await vault.setupWithKeychain()
  await vault.setSecret('canary-profile', 'clientSecret', CANARY)
  await vault.setSecret('canary-profile', 'tokens', JSON.stringify({ access_token: CANARY, refresh_token: `${CANARY}-refresh` }))
  // The Events tab's webhook secret token is a vault field like the client secret.
  await vault.setSecret('canary-profile', 'webhookSecret', `${CANARY}-webhook`)
  await vault.changeProtection({ kind: 'passphrase', passphrase: PASSPHRASE_CANARY })
  await vault.setSecret('other', 'tokens', JSON.stringify({ access_token: CANARY }))
  await tamperSecret(dir, 'other', 'tokens', (bytes) => {
    bytes[0]! ^= 1
  })
  const restarted = await openTestVault(dir, safeStorage)
  await restarted.unlock(PASSPHRASE_CANARY)
  await restarted.setSecret('other', 'tokens', JSON.stringify({ access_token: `${CANARY}-2` }), { replaceUndecryptable: true })
  await restarted.reset()

  const files = await filesUnder(dir)
  expect(files.length).toBeGreaterThan(0)
  const forms = [...encodingsOf(CANARY), ...encodingsOf(PASSPHRASE_CANARY)]
  for (const file of files) {
    const bytes = await readFile(file)
    const views = [bytes.toString('latin1'), bytes.toString('utf16le')]
    for (const form of forms) for (const view of views) expect(view.includes(form), `${form} in ${file}`).toBe(false)
  }
})

it('error messages never carry the secret or the passphrase', async () => {
  const vault = await openTestVault(dir)
  await vault.setupWithPassphrase(PASSPHRASE_CANARY)
  await vault.setSecret('canary-profile', 'clientSecret', CANARY)
  await tamperSecret(dir, 'canary-profile', 'clientSecret', (bytes) => {
    bytes[13]! ^= 1
  })
  const restarted = await openTestVault(dir)
  const errors: VaultError[] = []
  const collect = (promise: Promise<unknown>) => promise.catch((error: unknown) => void errors.push(error as VaultError))
  await collect(restarted.unlock(`${PASSPHRASE_CANARY}x`))
  await restarted.unlock(PASSPHRASE_CANARY)
  await collect(restarted.getSecret('canary-profile', 'clientSecret'))
  await collect(restarted.setSecret('canary-profile', 'clientSecret', `${CANARY}-new`))
  expect(errors.map((e) => e.code)).toEqual(['VAULT_BAD_PASSPHRASE', 'VAULT_DECRYPT_FAILED', 'VAULT_DECRYPT_FAILED'])
  for (const error of errors) {
    expect(`${error.message} ${JSON.stringify(error.toBridge())}`).not.toMatch(/CANARY-(SECRET|PASSPHRASE)/)
  }
})
