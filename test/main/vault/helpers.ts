import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openVault, VAULT_FILE_NAME, type ScryptCost, type SecretField, type Vault } from '../../../main/vault'
import { FakeSafeStorage } from './fake-safe-storage'

/** Cheap scrypt for tests that are not about the cost (the golden fixture covers the default cost). */
export const TEST_SCRYPT_COST: ScryptCost = { N: 2 ** 10, r: 8, p: 1 }

export async function makeTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'zc-vault-'))
}

export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}

/** Opens (or reopens, like a restart) the vault in `dir`. */
export function openTestVault(dir: string, safeStorage = new FakeSafeStorage(), platform: NodeJS.Platform = 'linux'): Promise<Vault> {
  return openVault({ dir, safeStorage, platform, passphraseCost: TEST_SCRYPT_COST })
}

interface VaultFileShape {
  schemaVersion: number
  data: { secrets: Record<string, Partial<Record<SecretField, string>>> } & Record<string, unknown>
}

export async function readVaultFile(dir: string): Promise<VaultFileShape> {
  return JSON.parse(await readFile(join(dir, VAULT_FILE_NAME), 'utf8')) as VaultFileShape
}

export async function editVaultFile(dir: string, edit: (file: VaultFileShape) => void): Promise<void> {
  const file = await readVaultFile(dir)
  edit(file)
  await writeFile(join(dir, VAULT_FILE_NAME), JSON.stringify(file))
}

/** Rewrites the bytes (after the `zcv1:` prefix) of one stored ciphertext. */
export async function tamperSecret(dir: string, profileId: string, field: SecretField, change: (bytes: Buffer) => void): Promise<string> {
  let tampered = ''
  await editVaultFile(dir, (file) => {
    const sealed = file.data.secrets[profileId]?.[field]
    if (!sealed) throw new Error(`No ${field} stored for ${profileId}`)
    const bytes = Buffer.from(sealed.slice('zcv1:'.length), 'base64')
    change(bytes)
    tampered = `zcv1:${bytes.toString('base64')}`
    file.data.secrets[profileId]![field] = tampered
  })
  return tampered
}
