// Moving an unusable file aside instead of deleting or overwriting it: the person (or support) can
// still recover data by hand, and the app can start with a fresh document.
import { chmod, constants, copyFile, lstat, rename } from 'node:fs/promises'
import { FILE_MODE, syncDirectory, isErrno } from './atomic-file'
import { dirname } from 'node:path'

/** `2026-08-22T10:15:30.123Z` → `2026-08-22T101530.123Z`: colons are not allowed in Windows file names. */
export function fileTimestamp(date: Date): string {
  return date.toISOString().replace(/:/g, '')
}

/** Renames `path` to `<path>.corrupt-<time>` (plus `-2`, `-3`… if taken) and returns the new path. */
export async function moveAside(path: string, now: Date): Promise<string> {
  const target = await freeAsideName(path, now)
  await rename(path, target)
  await syncDirectory(dirname(path))
  return target
}

/**
 * Copies `path` to `<path>.corrupt-<time>` (0600) and returns the copy's path: for a file that is
 * repaired in place, so the person's version stays to look at and the file is never missing.
 */
export async function copyAside(path: string, now: Date): Promise<string> {
  const target = await freeAsideName(path, now)
  await copyFile(path, target, constants.COPYFILE_EXCL)
  await chmod(target, FILE_MODE)
  await syncDirectory(dirname(path))
  return target
}

async function freeAsideName(path: string, now: Date): Promise<string> {
  const base = `${path}.corrupt-${fileTimestamp(now)}`
  for (let attempt = 1; ; attempt += 1) {
    const target = attempt === 1 ? base : `${base}-${attempt}`
    if (!(await exists(target))) return target
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path)
    return true
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return false
    throw error
  }
}
