// A dataset's file is written through the operating system's page cache and never synced by
// SQLite (synchronous = OFF: a temporary dataset need not survive a crash). The kernel then
// writes the dirty pages back on its own clock: Linux writes a file's pages once the first of
// them is 30 s old (vm.dirty_expire_centisecs), all together. A crawl that stores tens of
// megabytes a second left about a gigabyte to write at once every 30 s, and the disk's completions
// are handled on whichever core their interrupt is tied to, ahead of any thread there: traced
// with `perf sched` on the bench machine (one disk queue, its interrupts on one core), main's
// event loop stalled for 25–50 ms at a time, every 100 ms for a second or two, every ~31 s of a
// crawl, and other programs' disk writes wait behind such a burst too.
//
// So a dataset's writes are handed to the disk as they come: once the oldest write not yet
// handed over is WRITE_BEHIND_MS old, the file's dirty pages are synced in the background (on
// libuv's pool, not the dataset thread), one sync at a time — what RocksDB's bytes_per_sync
// does for its files, by time rather than by size.
//
// The file is synced through one handle held for the dataset's life, not one opened per sync:
// closing any handle of a file drops every POSIX lock the process holds on it, SQLite's included
// (sqlite.org/howtocorrupt.html, 2.2), so a handle is closed only when SQLite's own is.
import { closeSync, fdatasync, openSync } from 'node:fs'
import { promisify } from 'node:util'

/** How long a write may wait in the page cache before the file's dirty pages are synced. */
export const WRITE_BEHIND_MS = 1000

const fdatasyncOf = promisify(fdatasync)

/** One handle on a dataset's file, opened at its first sync and held until closed. */
export class HeldFile {
  private fd: number | undefined

  /** `syncData`: what syncs a handle's written pages (fdatasync). */
  constructor(private readonly syncData: (fd: number) => Promise<void> = fdatasyncOf) {}

  /** Syncs the file's written pages to the disk (opening `path` the first time). */
  async sync(path: string): Promise<void> {
    try {
      this.fd ??= openSync(path, 'r+')
      await this.syncData(this.fd)
    } catch {
      // A file removed or unreadable: its pages are the kernel's to write, as they were before.
    }
  }

  /** Lets go of the file; call it when SQLite closes its own handle. */
  close(): void {
    if (this.fd === undefined) return
    const fd = this.fd
    this.fd = undefined
    try {
      closeSync(fd)
    } catch {
      // Already closed: nothing is held.
    }
  }

  /** Whether a handle is held (for tests). */
  get held(): boolean {
    return this.fd !== undefined
  }
}

export interface WriteBehindOptions {
  /** The clock, in milliseconds (performance.now by default). */
  now?: () => number
  /** How old the oldest unsynced write must be before a sync starts (WRITE_BEHIND_MS by default). */
  afterMs?: number
  /** The file synced (a HeldFile by default). */
  file?: Pick<HeldFile, 'sync' | 'close'>
}

export class WriteBehind {
  /** When the oldest write not yet handed to the disk happened; undefined when there is none. */
  private oldestUnsynced: number | undefined
  private syncing: Promise<void> | undefined
  private readonly file: Pick<HeldFile, 'sync' | 'close'>

  constructor(
    private readonly pathNow: () => string,
    private readonly options: WriteBehindOptions = {},
  ) {
    this.file = options.file ?? new HeldFile()
  }

  /** Notes a write to the file; starts a sync when the oldest unsynced write is old enough and none is running. */
  wrote(): void {
    const now = (this.options.now ?? performance.now.bind(performance))()
    this.oldestUnsynced ??= now
    if (this.syncing || now - this.oldestUnsynced < (this.options.afterMs ?? WRITE_BEHIND_MS)) return
    this.oldestUnsynced = undefined
    this.syncing = this.file.sync(this.pathNow()).finally(() => {
      this.syncing = undefined
    })
  }

  /** Resolves once no sync is running (a move or close waits for it, so the file is not pulled from under it). */
  async settled(): Promise<void> {
    await this.syncing
  }

  /** Lets go of the file (after SQLite has closed its own handle). */
  close(): void {
    this.file.close()
  }
}
