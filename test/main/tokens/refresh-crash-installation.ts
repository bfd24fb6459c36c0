// Shared by refresh-crash.test.ts and its child process: one installation (a data dir plus the
// fake keychain both processes share through the same keyring seed) opened with the real vault
// and the real credentials core, the line protocol of the child, and how a stored token set is
// named in output (a hash) without a token ever being printed.
import { createHash } from 'node:crypto'
import { createCredentials } from '../../../main/auth/credentials'
import type { DocumentProblem } from '../../../main/store'
import { parseTokenSet } from '../../../main/tokens/token-set'
import { openVault } from '../../../main/vault'
import { createFakeAdapters } from '../../fakes/adapters'
import { FakeSafeStorage } from '../../fakes/fake-safe-storage'
import type { ConsentScript } from '../../fakes/http-browser'

/** The "OS keychain" of the installation: parent and child derive the same key from it. */
export const REFRESH_CRASH_KEYRING = 'refresh-crash keyring'

/**
 * Opens the installation like an app start does (real clock and timers, because the sandbox and
 * the child run on real time). Never sets the vault up: a vault that lost its key must show.
 */
export async function openInstallation(dataDir: string, script: ConsentScript = {}) {
  const problems: DocumentProblem[] = []
  const onProblem = (problem: DocumentProblem) => problems.push(problem)
  const safeStorage = new FakeSafeStorage({ keyring: REFRESH_CRASH_KEYRING })
  const { adapters, fakes } = createFakeAdapters({ dataDir, safeStorage, real: true, script })
  const vault = await openVault({ dir: dataDir, safeStorage, platform: 'linux', onProblem })
  const credentials = await createCredentials({ adapters, vault, onProblem, tokenRequestTimeoutMs: 10_000 })
  return { vault, credentials, fakes, problems }
}

/**
 * Names a stored token set by a short SHA-256 of its access and refresh token, or undefined when
 * the text is not a complete set (valid JSON of the current format with both tokens).
 */
export function tokenSetHash(text: string | undefined): string | undefined {
  const set = text === undefined ? undefined : parseTokenSet(text)
  if (!set?.refreshToken) return undefined
  return createHash('sha256').update(`${set.accessToken}\n${set.refreshToken}`).digest('hex').slice(0, 16)
}

/** One line of the child's stdout (JSON): a durable refresh, or why it stopped by itself. */
export type ChildLine =
  | { kind: 'refreshed'; counter: number; hash: string }
  | { kind: 'failed'; code: string; state: string; error?: { code: string; message: string; zoomMessage?: string } }
