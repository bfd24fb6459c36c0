// Opening a path without following a link in its place: O_NOFOLLOW where the OS has it (Linux,
// macOS, the BSDs; 0 on Windows, where the caller's lstat is the only check), and the error codes
// with which such an open refuses a link.
import { constants } from 'node:fs'

export const NO_FOLLOW = constants.O_NOFOLLOW ?? 0

/** ELOOP: O_NOFOLLOW met a link (Linux, macOS); EMLINK is the BSDs' word for it. */
export function refusedAsLink(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return code === 'ELOOP' || code === 'EMLINK'
}
