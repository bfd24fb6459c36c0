// A dataset's file is written through the operating system's page cache and never synced by
// SQLite (synchronous = OFF: a temporary dataset need not survive a crash). Linux then writes the
// dirty pages back on its own clock: its flusher wakes every 5 s (vm.dirty_writeback_centisecs)
// and writes out the files whose first dirty page is over 30 s old (vm.dirty_expire_centisecs),
// all their dirty pages together (or sooner, once dirty pages pass vm.dirty_background_ratio of
// memory: 10%, 2.4 GB on the bench machine). A crawl that stores tens of megabytes a second
// therefore left about a gigabyte to write at once every 30 s or so, and the disk's completions
// are handled on whichever core their interrupt is tied to, ahead of any thread there. Traced
// with `perf sched` on the bench machine (one disk queue, its interrupts all on one core): main's
// event loop stalled for 25–50 ms at a time, every 100 ms for a second or two, every ~31 s of a
// crawl; a three-million-row crawl with this module showed no such burst.
//
// So on Linux a dataset's writes are handed to the disk as they come: WRITE_BEHIND_MS after the
// first write not yet handed over, the file's written pages are synced in the background (on
// libuv's pool, not the dataset thread), one sync at a time across all datasets. It is the idea of
// RocksDB's bytes_per_sync with a heavier tool: fdatasync waits for the pages and the drive's
// cache, where RocksDB's sync_file_range only starts the writeback (Node has no call for it).
// Elsewhere nothing is done: macOS's fdatasync (libuv's F_FULLFSYNC) and Windows's
// FlushFileBuffers empty the whole drive's cache each time, and their writeback was not measured.
//
// The file is synced through one handle held for the dataset's life, not one opened per sync:
// closing any handle of a file drops every POSIX lock the process holds on it (sqlite.org/
// howtocorrupt.html, 2.2). Between the process's own connections SQLite decides from its own lock
// table, so this matters against other processes (the sqlite3 shell opening a kept list); the
// handle is closed right after SQLite's own.
import { closeSync, fdatasync, openSync } from 'node:fs'
import { promisify } from 'node:util'

/** How long a write may wait in the page cache before the file's written pages are synced. */
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

/** The sync running or queued last, of any dataset: each waits for the one before. */
let lastSync: Promise<void> = Promise.resolve()

export interface WriteBehindOptions {
  /** How long after the first unsynced write its sync starts (WRITE_BEHIND_MS by default). */
  afterMs?: number
  /** The file synced: a HeldFile by default on Linux; elsewhere none, and nothing is synced. */
  file?: Pick<HeldFile, 'sync' | 'close'>
}

export class WriteBehind {
  private readonly file: Pick<HeldFile, 'sync' | 'close'> | undefined
  private timer: ReturnType<typeof setTimeout> | undefined
  private syncing: Promise<void> | undefined
  /** Written since the sync under way started. */
  private writtenDuringSync = false
  private closed = false

  constructor(
    private readonly pathNow: () => string,
    private readonly options: WriteBehindOptions = {},
  ) {
    this.file = options.file ?? (process.platform === 'linux' ? new HeldFile() : undefined)
  }

  /** Notes a write to the file: its sync starts WRITE_BEHIND_MS later (after the sync under way, if one is). */
  wrote(): void {
    if (this.closed || !this.file) return
    if (this.syncing) this.writtenDuringSync = true
    else this.timer ??= setTimeout(() => this.startSync(), this.options.afterMs ?? WRITE_BEHIND_MS).unref()
  }

  private startSync(): void {
    this.timer = undefined
    const file = this.file
    if (!file) return
    const path = this.pathNow()
    const run = lastSync.then(() => (this.closed ? undefined : file.sync(path)))
    lastSync = run
    this.syncing = run.finally(() => {
      this.syncing = undefined
      if (!this.writtenDuringSync) return
      this.writtenDuringSync = false
      this.wrote()
    })
  }

  /** Resolves once no sync of this file is running (a move or close waits for it). */
  async settled(): Promise<void> {
    await this.syncing
  }

  /** Stops syncing and lets go of the file (after SQLite has closed its own handle). */
  close(): void {
    this.closed = true
    clearTimeout(this.timer)
    this.timer = undefined
    this.file?.close()
  }
}
