// Child process for crash-safety.test.ts: writes complete token sets through the Vault in a tight
// loop and reports each durable write (`<counter>\n`) on stdout, until the parent SIGKILLs it.
// Usage: node crash-child.(ts|mjs) <dir> <last counter>
import { openVault } from '../../../main/vault'
import { FakeSafeStorage } from './fake-safe-storage'
import { CRASH_KEYRING, CRASH_PROFILE, crashTokenSet } from './crash-token-set'

const [dir, last] = process.argv.slice(2)
if (!dir || last === undefined) throw new Error('usage: crash-child <dir> <last counter>')

const vault = await openVault({ dir, safeStorage: new FakeSafeStorage({ keyring: CRASH_KEYRING }), platform: 'linux' })
for (let counter = Number(last) + 1; ; counter += 1) {
  await vault.setSecret(CRASH_PROFILE, 'tokens', JSON.stringify(crashTokenSet(counter)))
  // Writes to a pipe are synchronous on POSIX, so the parent sees every report made before the kill.
  process.stdout.write(`${counter}\n`)
}
