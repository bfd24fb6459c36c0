// A download's files on disk: the target, `<target>.part` holding the bytes so far, and
// `<target>.part.validator` naming the version of the file they are from (part-validator.ts). Every
// look at them is through lstat (no-follow.ts): a symbolic link at either path is refused, never
// measured through, so a link to some other file of the right size cannot pass as a finished
// download (skipped, then perhaps moved to Zoom's trash without ever being saved).
import { rm } from 'node:fs/promises'
import { entryAt } from './no-follow'

export const partPathOf = (finalPath: string): string => `${finalPath}.part`
export const validatorPathOf = (finalPath: string): string => `${finalPath}.part.validator`

/** The size of the plain file at `path`, or undefined when there is none (or anything else is there). */
export async function sizeOnDisk(path: string): Promise<number | undefined> {
  try {
    const entry = await entryAt(path)
    return entry.kind === 'file' ? entry.size : undefined
  } catch {
    return undefined
  }
}

/**
 * True when the final file is already there and, when Zoom gave a size, of that size. A link or
 * anything but a plain file at the final path is refused (DownloadPathRefusedError).
 */
export async function isComplete(finalPath: string, fileSize: number): Promise<boolean> {
  const entry = await entryAt(finalPath)
  return entry.kind === 'file' && (fileSize === 0 || entry.size === fileSize)
}

/**
 * Forgets a download's progress. rm removes a link itself, never its target, so this is safe
 * whatever was put at the path.
 */
export async function removePartFiles(finalPath: string): Promise<void> {
  await rm(partPathOf(finalPath), { force: true })
  // After the .part: a .part is never left without the validator its bytes were written under.
  await rm(validatorPathOf(finalPath), { force: true })
}
