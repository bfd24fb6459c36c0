// Opening the files a download writes (its .part and the .part's validator) without ever
// following a symbolic link. Whoever can write to the download folder (another program, another
// account sharing the folder) could put `X.mp4.part -> ~/.ssh/authorized_keys` there: measuring
// that "part" to resume from, then appending a recording to it, would act on the link's target.
// So:
// - what is at the path is looked at with lstat, and anything but a plain file is refused;
// - files are opened with O_NOFOLLOW where the OS has it (Linux, macOS), so a link swapped in
//   after the lstat still fails; Windows has no O_NOFOLLOW (and making a link there needs a
//   privilege), so the lstat is its check;
// - a new file is made with O_EXCL, which fails on any existing entry, a dangling link included;
// - once open, fstat confirms a plain file (not a FIFO or a device swapped in).
// Refusals are DownloadPathRefusedError: retrying cannot help, the person has to look.
import { constants, type Stats } from 'node:fs'
import { type FileHandle, lstat, mkdir, open } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'
import { AppError } from '../../common/errors'
import { NO_FOLLOW, refusedAsLink } from '../store/no-follow-flag'

export type DownloadPathProblem = 'link' | 'not-a-file' | 'not-a-folder' | 'appeared'

const PROBLEM_TEXT: Record<DownloadPathProblem, string> = {
  link: 'is a symbolic link; downloads never write through a link',
  'not-a-file': 'is not a plain file',
  'not-a-folder': 'is not a folder',
  appeared: 'appeared while the download was starting',
}

/** A download refused to use a path because of what is there. The message names the path, which holds no secret. */
export class DownloadPathRefusedError extends AppError {
  declare readonly code: 'DOWNLOAD_PATH_REFUSED'
  constructor(
    readonly file: string,
    readonly problem: DownloadPathProblem,
  ) {
    super('DOWNLOAD_PATH_REFUSED', `“${file}” ${PROBLEM_TEXT[problem]}. Move it out of the download folder, then retry.`)
  }
}

/** A plain file carries the identity the system tells files apart by (inode and device). */
export type PathEntry = { kind: 'missing' } | { kind: 'file'; size: number; ino: number; dev: number }

/** What is at `path`, without following a link there: nothing, or a plain file; anything else is refused. */
export async function entryAt(path: string): Promise<PathEntry> {
  let info: Stats
  try {
    info = await lstat(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' }
    throw error
  }
  if (info.isSymbolicLink()) throw new DownloadPathRefusedError(path, 'link')
  if (!info.isFile()) throw new DownloadPathRefusedError(path, 'not-a-file')
  return { kind: 'file', size: info.size, ino: info.ino, dev: info.dev }
}

/** Throws unless `path` holds nothing or a plain file. */
export async function refuseUnlessPlain(path: string): Promise<void> {
  await entryAt(path)
}

/** How a file is opened: made new, added to, emptied, or read. */
export type OpenHow = 'create' | 'append' | 'truncate' | 'read'

const FLAGS: Record<OpenHow, number> = {
  create: constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW,
  append: constants.O_WRONLY | constants.O_APPEND | NO_FOLLOW,
  truncate: constants.O_WRONLY | constants.O_TRUNC | NO_FOLLOW,
  read: constants.O_RDONLY | NO_FOLLOW,
}

/**
 * Opens `path` as `how` says, never through a link. Only 'create' makes a file (with `mode`);
 * the others need one there already (ENOENT otherwise, as from open()).
 */
export async function openNoFollow(path: string, how: OpenHow, mode?: number): Promise<FileHandle> {
  if (how !== 'create') await entryAt(path)
  let handle: FileHandle
  try {
    handle = await open(path, FLAGS[how], mode)
  } catch (error) {
    if (refusedAsLink(error)) throw new DownloadPathRefusedError(path, 'link')
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new DownloadPathRefusedError(path, 'appeared')
    throw error
  }
  const info = await handle.stat().catch(async (error: unknown) => {
    await handle.close()
    throw error
  })
  if (!info.isFile()) {
    await handle.close()
    throw new DownloadPathRefusedError(path, 'not-a-file')
  }
  return handle
}

/**
 * Makes the folders from `root` down to `folder` (host, date, topic), following no link below
 * `root`. The root is the person's own choice and may itself be a link (a Downloads folder moved
 * to another disk); a folder inside it that is a link (`Host -> ~/.config`) would put recordings,
 * named by Zoom's topics, wherever it points, so it is refused. `mkdir` with `recursive` follows
 * such links, hence one level at a time, each looked at with lstat. A folder swapped for a link
 * after its lstat is not caught (O_NOFOLLOW guards only a path's last part): that needs a writer
 * racing this very download, at the moment it starts.
 */
export async function makeFoldersBelow(root: string, folder: string): Promise<void> {
  await mkdir(root, { recursive: true })
  const below = relative(root, folder)
  if (below === '') return
  if (isAbsolute(below) || below.split(sep).includes('..')) throw new Error(`“${folder}” is not inside “${root}”.`)
  let path = root
  for (const segment of below.split(sep)) {
    path = join(path, segment)
    try {
      await mkdir(path)
      continue
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const info = await lstat(path)
    if (info.isSymbolicLink()) throw new DownloadPathRefusedError(path, 'link')
    if (!info.isDirectory()) throw new DownloadPathRefusedError(path, 'not-a-folder')
  }
}

/**
 * Adds `text` to the end of the file at `path`, made (with `mode`) when missing, never through a
 * link: a log kept beside the downloads (zoom-trash-log.jsonl) is in the same folder others may
 * write to, and appending through a link there would write outside the download folder.
 */
export async function appendNoFollow(path: string, text: string, mode: number): Promise<void> {
  let handle: FileHandle
  try {
    handle = await openNoFollow(path, 'append')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    handle = await openNoFollow(path, 'create', mode)
  }
  try {
    await handle.appendFile(text)
  } finally {
    await handle.close()
  }
}
