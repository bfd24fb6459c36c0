// Child process of refresh-crash.test.ts: the real credentials core over the parent's data dir
// refreshes one authorization-code profile against the sandbox in a loop, and after each refresh
// prints the hash of the token set the vault now holds (never a token), until it is SIGKILLed.
// If a refresh fails it prints why (code, status, Zoom's reason) and exits by itself.
// Usage: node refresh-crash-child.(ts|mjs) <dataDir> <profileId> <last counter>
import { isAppError } from '../../../common/errors'
import { parseTokenSet } from '../../../main/tokens/token-set'
import { openInstallation, tokenSetHash, type ChildLine } from './refresh-crash-installation'

const [dataDir, profileId, last] = process.argv.slice(2)
if (!dataDir || !profileId || last === undefined) throw new Error('usage: refresh-crash-child <dataDir> <profileId> <last counter>')

// Writes to a pipe are synchronous on POSIX: the parent sees every line written before the kill.
const report = (line: ChildLine) => process.stdout.write(`${JSON.stringify(line)}\n`)

const { vault, credentials } = await openInstallation(dataDir)
for (let counter = Number(last) + 1; ; counter += 1) {
  let accessToken: string
  try {
    accessToken = (await credentials.tokens.getAccessToken(profileId, { forceRefresh: true })).accessToken
  } catch (error) {
    const status = credentials.auth.status(profileId)
    const statusError = status.error ? { code: status.error.code, message: status.error.message, ...(status.error.details?.zoomMessage ? { zoomMessage: status.error.details.zoomMessage } : {}) } : undefined
    report({ kind: 'failed', code: isAppError(error) ? error.code : 'UNEXPECTED', state: status.state, ...(statusError ? { error: statusError } : {}) })
    await credentials.dispose()
    process.exit(0)
  }
  // The token manager promises the set is durable before its access token is handed out: the
  // vault must already hold exactly the set whose access token we were given.
  const stored = await vault.getSecret(profileId, 'tokens')
  const hash = tokenSetHash(stored)
  if (hash === undefined || parseTokenSet(stored ?? '')?.accessToken !== accessToken) {
    report({ kind: 'failed', code: 'NOT_PERSISTED_BEFORE_USE', state: credentials.auth.status(profileId).state })
    process.exit(0)
  }
  report({ kind: 'refreshed', counter, hash })
}
