// The files this app finished downloading itself, and the .part files it left unfinished: each
// one's path with its size, inode, device, modification time and change time as the app left it.
// A file found complete in the download folder is skipped whoever put it there, but "move to
// Zoom's trash once downloaded" trusts it only when it is one of these, unchanged: the download
// folder is one other programs and people may write to, and a file planted there under a
// recording's name and size must not get that recording trashed before it was ever saved.
//
// The ledger lives in the data folder, which only the app writes, as download-ledger.jsonl: one
// JSON line per note (or per file forgotten), appended, the last line of a path winning. Appending
// keeps each note a few hundred bytes of work for main, however many files the ledger holds (a
// JSON document rewritten whole took main 30 ms at a time with 5,000 files); the file is written
// again from what is in memory only once it holds twice LEDGER_LIMIT lines. A line that cannot be
// read (cut short by a crash, damaged) is skipped and a file that cannot be read is started over:
// either way the ledger vouches for fewer files, and recordings stay in the cloud, the safe side.
import { lstat, open as openFile } from 'node:fs/promises'
import { join } from 'node:path'
import { FILE_MODE, writeFileAtomic } from '../store'
import { ensureDirectory } from '../store/atomic-file'
import { readTextWithin } from '../store/read-capped'
import type { WrittenFile } from './transfer'

export const LEDGER_FILE = 'download-ledger.jsonl'
/** The newest this many files are kept. A file older than that is only not trusted for the trash. */
export const LEDGER_LIMIT = 5000

/** Far above twice LEDGER_LIMIT lines (about 250 bytes each): a larger file is not read, and is started over. */
const MAX_LEDGER_BYTES = 16 * 1024 * 1024

interface FileIdentity {
  path: string
  size: number
  ino: number
  dev: number
  mtimeMs: number
  ctimeMs: number
}
/** A line saying a path's file is no longer one the ledger vouches for. */
interface Forgotten {
  path: string
  gone: true
}

/** Lines read in one turn of main's event loop when the ledger is first read (about 2 ms of work). */
const LINES_PER_TURN = 1000

const IDENTITY_NUMBERS = ['size', 'ino', 'dev', 'mtimeMs', 'ctimeMs'] as const

/** One line of the file, or undefined when it is not one the ledger wrote. */
function readLine(text: string): FileIdentity | Forgotten | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const line = value as Record<string, unknown>
  if (typeof line.path !== 'string' || line.path === '') return undefined
  if (line.gone === true) return { path: line.path, gone: true }
  if (!IDENTITY_NUMBERS.every((key) => typeof line[key] === 'number' && Number.isFinite(line[key]))) return undefined
  return { path: line.path, size: line.size as number, ino: line.ino as number, dev: line.dev as number, mtimeMs: line.mtimeMs as number, ctimeMs: line.ctimeMs as number }
}

export interface DownloadLedger {
  /**
   * Notes the regular file the app has just finished writing at `path`, as it is now; with
   * `written`, only when it is still that file (another put there since is forgotten instead).
   */
  record(path: string, written?: WrittenFile): Promise<void>
  /** Whether the file at `path` is one the app finished writing, unchanged since (size, inode, device, modification and change time). */
  vouches(path: string): Promise<boolean>
}

/** The file at `path` as the ledger knows files; undefined when it is missing or not a regular file (a link is never followed). */
async function identityOf(path: string): Promise<FileIdentity | undefined> {
  try {
    const found = await lstat(path)
    return found.isFile() ? { path, size: found.size, ino: found.ino, dev: found.dev, mtimeMs: found.mtimeMs, ctimeMs: found.ctimeMs } : undefined
  } catch {
    return undefined
  }
}

// The change time too: anyone who may write a file can put its modification time back (utimes,
// `touch -r`, `rsync -t`), after writing it again in place or after making a new file that took
// the freed inode; the change time is set by the system alone, at each of those.
const sameFile = (a: FileIdentity, b: FileIdentity): boolean => a.size === b.size && a.ino === b.ino && a.dev === b.dev && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs

/** Drops the oldest notes past `limit`: a Map keeps its order, newest last. */
function trimToNewest(files: Map<string, FileIdentity>, limit: number): void {
  for (const oldest of files.keys()) {
    if (files.size <= limit) return
    files.delete(oldest)
  }
}

// Newest last: a Map keeps its order, and a file noted again is deleted and set again.
function ledgerOver(files: Map<string, FileIdentity>, persist: (line: FileIdentity | Forgotten) => Promise<void>, limit = LEDGER_LIMIT): DownloadLedger {
  return {
    async record(path, written) {
      const identity = await identityOf(path)
      const known = files.delete(path)
      // The path is in a folder others write to: between the app's last look and this one, its file may have been swapped.
      const stillWritten = written === undefined || (identity?.ino === written.ino && identity.dev === written.dev)
      if (!identity || !stillWritten) {
        if (known) await persist({ path, gone: true })
        return
      }
      files.set(path, identity)
      trimToNewest(files, limit)
      await persist(identity)
    },
    async vouches(path) {
      const noted = files.get(path)
      const found = await identityOf(path)
      return noted !== undefined && found !== undefined && sameFile(noted, found)
    },
  }
}

/** A ledger for one run only (tests, and services started without a data folder). */
export function memoryLedger(): DownloadLedger {
  return ledgerOver(new Map(), async () => undefined)
}

/** The ledger in `dir`, read at its first use so start-up never waits on it. */
export function fileLedger(dir: string, limit = LEDGER_LIMIT): DownloadLedger {
  const path = join(dir, LEDGER_FILE)
  const files = new Map<string, FileIdentity>()
  /** Lines in the file; Infinity when it could not be read, so that the first write starts it over. */
  let lines = 0
  /** False when the file's last line was cut short: the next line must not be appended onto it. */
  let endsWithNewline = true
  let opened: Promise<void> | undefined
  const open = () =>
    (opened ??= (async () => {
      let text: string
      try {
        text = await readTextWithin(path, MAX_LEDGER_BYTES)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') lines = Infinity
        return
      }
      const raws = text.split('\n')
      for (const [at, raw] of raws.entries()) {
        // A turn of main's event loop every so many lines: a full ledger takes main some 20 ms to read.
        if (at > 0 && at % LINES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve))
        if (raw === '') continue
        lines++
        const line = readLine(raw)
        if (!line) continue
        files.delete(line.path)
        if (!('gone' in line)) files.set(line.path, line)
      }
      trimToNewest(files, limit)
      endsWithNewline = text === '' || text.endsWith('\n')
    })())
  /** Writes the lines given, or the whole file again from memory once it holds twice the limit. */
  const write = async (batch: string[]) => {
    await ensureDirectory(dir)
    if (lines + batch.length > 2 * limit) {
      await writeFileAtomic(path, [...files.values()].map((file) => `${JSON.stringify(file)}\n`).join(''))
      lines = files.size
    } else {
      await appendPrivately(path, `${endsWithNewline ? '' : '\n'}${batch.join('')}`)
      lines += batch.length
    }
    endsWithNewline = true
  }
  // One write at a time, each taking every line noted before it starts: a batch of small files
  // finishing together is one append, not one each.
  const pending: string[] = []
  let writes: Promise<unknown> = Promise.resolve()
  let waiting: Promise<void> | undefined
  const persist = async (line: FileIdentity | Forgotten) => {
    await open()
    pending.push(`${JSON.stringify(line)}\n`)
    if (!waiting) {
      const next = writes.then(() => {
        waiting = undefined
        return write(pending.splice(0))
      })
      waiting = next
      writes = next.catch(() => undefined)
    }
    await waiting
  }
  const ledger = ledgerOver(files, persist, limit)
  return {
    record: async (path, written) => {
      await open()
      await ledger.record(path, written)
    },
    vouches: async (path) => {
      await open()
      return ledger.vouches(path)
    },
  }
}

/**
 * Appends to the ledger, narrowing the file to 0600 as it goes: a mode given at creation is only
 * used for a new file, and a ledger left by an older build or restored from a backup may be open
 * to every account, while its lines name the account's hosts and meetings. The mode is set through
 * the open file, never through a path a link could point elsewhere.
 */
async function appendPrivately(path: string, text: string): Promise<void> {
  const handle = await openFile(path, 'a', FILE_MODE)
  try {
    // Not the owner (EPERM): the note is still written, as the ledger never fails a download.
    if (process.platform !== 'win32') await handle.chmod(FILE_MODE).catch(() => undefined)
    await handle.appendFile(text)
  } finally {
    await handle.close()
  }
}
