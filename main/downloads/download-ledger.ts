// The files this app finished downloading itself, and the .part files it left unfinished: each
// one's path with its size, inode, device, modification time and change time as the app left it.
// A file found complete in the download folder is skipped whoever put it there, but "move to
// Zoom's trash once downloaded" trusts it only when it is one of these, unchanged: the download folder is one other programs and people may write to,
// and a file planted there under a recording's name and size must not get that recording trashed
// before it was ever saved. The ledger lives in the data folder (download-ledger.json), which only
// the app writes. A ledger that is lost or damaged vouches for nothing, so recordings stay in the
// cloud: the safe side.
import { lstat } from 'node:fs/promises'
import { z } from 'zod'
import { openDocument, type DocumentFile, type DocumentProblem } from '../store'
import type { WrittenFile } from './transfer'

export const LEDGER_FILE = 'download-ledger.json'
/**
 * The newest this many files are kept: main rewrites the whole document after each batch of
 * finished files, so it must stay small. A file older than that is only not trusted for the trash.
 */
export const LEDGER_LIMIT = 5000

/** Far above what LEDGER_LIMIT files take (about 200 bytes each): a bound, should a path be unusually long. */
const MAX_LEDGER_BYTES = 8 * 1024 * 1024

const identitySchema = z.object({ path: z.string().min(1).max(4096), size: z.number().int().min(0), ino: z.number(), dev: z.number(), mtimeMs: z.number(), ctimeMs: z.number() }).strict()
type FileIdentity = z.infer<typeof identitySchema>
const ledgerSchema = z.object({ files: z.array(identitySchema) }).strict()
type LedgerDocument = z.infer<typeof ledgerSchema>

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

// Newest last: a Map keeps its order, and a file noted again is deleted and set again.
function ledgerOver(files: Map<string, FileIdentity>, persist: () => Promise<void>, limit = LEDGER_LIMIT): DownloadLedger {
  return {
    async record(path, written) {
      const identity = await identityOf(path)
      files.delete(path)
      // The path is in a folder others write to: between the app's last look and this one, its file may have been swapped.
      const stillWritten = written === undefined || (identity?.ino === written.ino && identity.dev === written.dev)
      if (identity && stillWritten) files.set(path, identity)
      for (const oldest of files.keys()) {
        if (files.size <= limit) break
        files.delete(oldest)
      }
      await persist()
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

/**
 * The ledger in `dir`, opened at its first use so start-up never waits on it. A damaged file is
 * moved aside and reported through `onProblem` (the store's rule), and the ledger starts empty.
 */
export function fileLedger(dir: string, onProblem?: (problem: DocumentProblem) => void, limit = LEDGER_LIMIT): DownloadLedger {
  const files = new Map<string, FileIdentity>()
  let opened: Promise<DocumentFile<LedgerDocument>> | undefined
  const open = () =>
    (opened ??= openDocument({ dir, name: LEDGER_FILE, schema: ledgerSchema, defaults: () => ({ files: [] }), version: 1, backup: false, maxBytes: MAX_LEDGER_BYTES, ...(onProblem ? { onProblem } : {}) }).then((doc) => {
      // The newest last: a file written with a larger limit keeps its newest.
      for (const file of doc.read().files.slice(-limit)) files.set(file.path, file)
      return doc
    }))
  // One write waits at a time and takes every file noted before it starts: a batch of small files
  // finishing together is one rewrite of the document, not one each.
  let waiting: Promise<unknown> | undefined
  const persist = async () => {
    const doc = await open()
    await (waiting ??= doc.update(() => {
      waiting = undefined
      return { files: [...files.values()] }
    }))
  }
  const ledger = ledgerOver(files, persist, limit)
  return {
    record: async (path, written) => {
      await open()
      await ledger.record(path, written)
    },
    vouches: async (path) => {
      // A ledger that cannot be read (refused by the store: an I/O error, a newer app's file) vouches for nothing; the download goes on.
      await open().catch(() => undefined)
      return ledger.vouches(path)
    },
  }
}
