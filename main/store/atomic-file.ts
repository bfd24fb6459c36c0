// Durable, atomic replacement of a small file.
//
// Why not `conf`/`atomically` (the library under electron-store): it does not fsync the directory
// after the rename (a power loss can roll the rename back or leave a zero-length file), it falls
// back to a non-atomic in-place write under SNAP and on EXDEV, and its only answer to an invalid
// file is to throw or to silently clear it. The credential store needs none of that, and the
// correct sequence is short: temp file (same dir, exclusive, 0600) → write → fsync → close →
// rename over the target → fsync the directory.
import { randomBytes } from 'node:crypto'
import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** Owner read/write only: these files hold credentials (encrypted) and personal data. */
export const FILE_MODE = 0o600
const DIR_MODE = 0o700
const TEMP_SUFFIX = '.tmp'

export async function ensureDirectory(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: DIR_MODE })
}

/** Replaces `path` with `data` so that a crash at any moment leaves either the old or the new bytes. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tempPath = join(dirname(path), `${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`)
  try {
    const handle = await open(tempPath, 'wx', FILE_MODE)
    try {
      // The mode given to open() is reduced by the umask; set it explicitly.
      await handle.chmod(FILE_MODE)
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(tempPath, path)
  } catch (error) {
    await unlink(tempPath).catch(() => undefined)
    throw error
  }
  await syncDirectory(dirname(path))
}

/** Makes a rename in `dir` durable. Windows cannot open a directory for fsync, and rename is durable there. */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } catch (error) {
    // Some file systems (e.g. certain network mounts) do not support fsync on directories.
    if (!isErrno(error, 'EINVAL') && !isErrno(error, 'ENOTSUP')) throw error
  } finally {
    await handle.close()
  }
}

/**
 * Deletes temp files a killed process left behind for `path` (they never hold the only copy).
 * Temp files of this process are skipped: they may belong to a write in flight.
 */
export async function removeStaleTempFiles(path: string): Promise<void> {
  const prefix = `${basename(path)}.`
  const ours = `${prefix}${process.pid}.`
  const entries = await readdir(dirname(path)).catch(() => [] as string[])
  await Promise.all(
    entries
      .filter((entry) => entry.startsWith(prefix) && entry.endsWith(TEMP_SUFFIX) && !entry.startsWith(ours))
      .map((entry) => unlink(join(dirname(path), entry)).catch(() => undefined)),
  )
}

export function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === code
}
