import { z } from 'zod'
import type { VaultStatus } from './app'
import { channel, noInput } from './define'

const passphrase = z.string().min(8, 'Use at least 8 characters').max(1024)

/** A new vault's protection: the OS keychain, or a passphrase. */
const newProtection = z.discriminatedUnion('protector', [z.object({ protector: z.literal('os-keychain') }).strict(), z.object({ protector: z.literal('passphrase'), passphrase }).strict()])

export const vaultChannels = {
  'vault.status': channel<VaultStatus>()(noInput),
  'vault.setup': channel<VaultStatus>()(newProtection),
  /**
   * A forgotten passphrase: after a yes in main's own dialog, the vault starts over with the
   * protection given; the secrets the old key sealed can no longer be used (they are archived).
   */
  'vault.startOver': channel<VaultStatus>()(newProtection),
  'vault.unlock': channel<VaultStatus>()(z.object({ passphrase: z.string().max(1024).optional() }).strict()),
  'vault.lock': channel<VaultStatus>()(noInput),
  'vault.changeProtection': channel<VaultStatus>()(
    z.discriminatedUnion('protector', [
      z
        .object({
          protector: z.literal('os-keychain'),
          /** Required by main when a passphrase protects the vault now. */
          currentPassphrase: z.string().max(1024).optional(),
        })
        .strict(),
      z
        .object({
          protector: z.literal('passphrase'),
          passphrase,
          /** Required by main when a passphrase protects the vault now. */
          currentPassphrase: z.string().max(1024).optional(),
        })
        .strict(),
    ]),
  ),
}
