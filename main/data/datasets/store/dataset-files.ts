// Where dataset files live. A dataset is a temporary file in `datasets/open/` of the data folder,
// deleted when it is closed, when its connection is deleted, and at the next start if the app
// ended without closing it: Zoom user data does not stay on disk by accident. A dataset the
// person chose to keep is moved to `datasets/kept/` until it expires or is cleared. Folders are
// 0700 and files 0600: the rows are the account's users, meetings and calls.
import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { chmod, lstat, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FILE_MODE, ensureDirectory } from '../../../store/atomic-file'
import { moveAside } from '../../../store/quarantine'
import { removeDatabaseFiles } from './dataset-db'

const SUFFIX = '.sqlite'
/**
 * A kept file set aside by `moveAside` is `<id>.sqlite.corrupt-<time>`, and its rollback journal
 * `<id>.sqlite-journal.corrupt-<time>`.
 */
function setAsideKind(name: string): 'list' | 'journal' | undefined {
  if (name.includes(`${SUFFIX}.corrupt-`)) return 'list'
  if (name.includes(`${SUFFIX}-journal.corrupt-`)) return 'journal'
  return undefined
}
const FOLDER_MODE = 0o700

export class DatasetFiles {
  readonly openDir: string
  readonly keptDir: string

  constructor(readonly root: string) {
    this.openDir = join(root, 'open')
    this.keptDir = join(root, 'kept')
  }

  private prepared: Promise<void> | undefined

  /** `prepare()` once per run: every dataset waits for it before its file is made. */
  prepareOnce(): Promise<void> {
    this.prepared ??= this.prepare()
    return this.prepared
  }

  /** Creates the folders and deletes what a previous run left in the temporary one. */
  private async prepare(): Promise<void> {
    await privateFolder(this.openDir)
    await privateFolder(this.keptDir)
    for (const name of await readdir(this.openDir)) await rm(join(this.openDir, name), { force: true, recursive: true })
  }

  temporary(datasetId: string): string {
    return join(this.openDir, `${datasetId}${SUFFIX}`)
  }

  kept(datasetId: string): string {
    return join(this.keptDir, `${datasetId}${SUFFIX}`)
  }

  /** The ids of the kept dataset files. */
  async keptIds(): Promise<string[]> {
    const names = await readdir(this.keptDir).catch(() => [])
    return names.filter((name) => name.endsWith(SUFFIX)).map((name) => name.slice(0, -SUFFIX.length))
  }

  removeKept(datasetId: string): void {
    removeDatabaseFiles(this.kept(datasetId))
  }

  /**
   * Narrows a kept file to 0600 when it is wider (copied back from a backup, unpacked by a tool
   * that applies the umask): its rows are the account's users and calls. A link or a folder is
   * left as it is; only the file itself is changed, never what a link points to.
   */
  async narrowKept(datasetId: string): Promise<void> {
    const path = this.kept(datasetId)
    const found = await lstat(path).catch(() => undefined)
    if (found?.isFile() && (found.mode & 0o077) !== 0) await chmod(path, FILE_MODE)
  }

  /**
   * Moves a kept file the app cannot use (damaged, not a dataset, a folder in its place) out of the
   * way instead of deleting it: it was the person's kept list, and SQLite's own tools may still
   * recover rows from a damaged file. Its rollback journal, if any, goes with it. Returns the new path.
   */
  async setKeptAside(datasetId: string, now: Date): Promise<string> {
    const path = this.kept(datasetId)
    const journal = `${path}-journal`
    if (await lstat(journal).catch(() => undefined)) await moveAside(journal, now)
    return moveAside(path, now)
  }

  /**
   * Deletes the set-aside kept files last written more than `maxAgeMs` ago; returns how many lists
   * went. They hold Zoom data like any kept list, so they go with the same expiry (a rename keeps a
   * file's modification time: its age is that of its rows, not of the day it was set aside).
   */
  expireSetAside(maxAgeMs: number, now: number): Promise<number> {
    return this.removeSetAside((mtimeMs) => now - mtimeMs > maxAgeMs)
  }

  /**
   * Removes the kept files set aside, those `due` says (by their last write; all by default:
   * "Clear kept data"), journals included; returns how many lists went.
   */
  async removeSetAside(due: (mtimeMs: number) => boolean = () => true): Promise<number> {
    let removed = 0
    for (const name of await readdir(this.keptDir).catch(() => [])) {
      const kind = setAsideKind(name)
      if (kind === undefined) continue
      const path = join(this.keptDir, name)
      const info = await lstat(path).catch(() => undefined)
      if (!info || !due(info.mtimeMs)) continue
      await rm(path, { force: true, recursive: true })
      if (kind === 'list') removed++
    }
    return removed
  }
}

/**
 * A folder of the app's own, 0700: one that is there with a wider mode is narrowed, and a symlink
 * (or a file) in its place is removed (never what it points to) and a folder made instead, so
 * emptying it at start-up never reaches another folder.
 */
async function privateFolder(dir: string): Promise<void> {
  const found = await lstat(dir).catch(() => undefined)
  if (found && !found.isDirectory()) await rm(dir, { force: true })
  await ensureDirectory(dir)
  await chmod(dir, FOLDER_MODE)
}

/** `zoom-connect-datasets-<pid>-<random>` (earlier versions: without the random part). */
const PROCESS_FOLDER = /^zoom-connect-datasets-(\d+)(?:-[A-Za-z0-9]{6})?$/

/**
 * Files of datasets made without a data folder (tests, benchmarks): a folder of this process in
 * the system's temporary folder, removed when the process exits. A process that is killed (a test
 * runner ends its workers so) never runs its exit handler, so the folders of processes that no
 * longer run are removed here, when the next one starts.
 *
 * The temporary folder is every account's: a folder named after the process id alone could be
 * made first by another account (open to all, or with `open` swapped for a link between start-up's
 * checks), and the rows and start-up's emptying would then happen where that account decides. The
 * folder is made new with a random part in its name (mkdtemp: created by this call, 0700).
 */
export function processDatasetFiles(base = tmpdir()): DatasetFiles {
  removeFoldersOfEndedProcesses(base)
  const root = mkdtempSync(join(base, `zoom-connect-datasets-${process.pid}-`))
  process.once('exit', () => rmSync(root, { recursive: true, force: true }))
  return new DatasetFiles(root)
}

function removeFoldersOfEndedProcesses(base: string): void {
  let names: string[]
  try {
    names = readdirSync(base)
  } catch {
    return
  }
  for (const name of names) {
    const pid = Number(PROCESS_FOLDER.exec(name)?.[1])
    if (!Number.isSafeInteger(pid) || pid === process.pid || processRuns(pid)) continue
    try {
      // Any account may make an entry of this name in the shared folder: only a real folder of
      // this account's is ours to delete. Node's recursive rm removes the links it meets inside
      // (one swapped in while it runs included) without following them.
      if (!isOwnFolder(join(base, name))) continue
      rmSync(join(base, name), { recursive: true, force: true })
    } catch {
      // Another account's (the temporary folder is shared, its folder private to it), or one that
      // another process starting now is removing: left as it is, this process starts all the same.
    }
  }
}

/** A folder itself (not a link to one) owned by this account (on Windows, where uids do not apply: any folder). */
function isOwnFolder(path: string): boolean {
  const found = lstatSync(path)
  return found.isDirectory() && (process.getuid === undefined || found.uid === process.getuid())
}

/** Whether a process with this id runs (signal 0 checks without sending; EPERM: it runs as another user). */
function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
