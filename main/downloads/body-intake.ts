// Reading a download's body into its .part. Reading starts the moment the response arrives,
// before the .part is open: a connection that breaks while the file is being opened would
// otherwise take with it every byte that came meanwhile (a response body drops what it holds
// when its socket resets). Those bytes wait in the stall watch, up to its buffer, then the body
// is held back until the .part is ready.
//
// When the body breaks off, what already arrived is still written (the watch is ended, not
// destroyed), so the next attempt resumes from there. A stall, a cancel or a write error stops
// at once.
import type { FileHandle } from 'node:fs/promises'
import { finished, type Readable, Transform, type TransformCallback } from 'node:stream'
import type { Scheduler } from '../ports'

/** Writing the .part failed (as opposed to the body breaking off). */
export class FileWriteError extends Error {
  readonly code: string | undefined
  constructor(cause: NodeJS.ErrnoException) {
    super(cause.message, { cause })
    this.code = cause.code
  }
}

export class BodyIntake {
  private readonly watch: StallWatch
  private failure: unknown
  private done = false
  /** Set by into(): how a failure stops the file too. */
  private stopFile: (() => void) | undefined

  /** Starts reading `body` now; `onBytes` hears of every chunk as it arrives. */
  constructor(
    private readonly body: Readable,
    scheduler: Scheduler,
    stallTimeoutMs: number,
    onBytes: (count: number) => void,
  ) {
    this.watch = new StallWatch(scheduler, stallTimeoutMs, onBytes)
    finished(body, (error) => {
      if (error) this.bodyBroke(error)
    })
    this.watch.on('error', (error) => this.stop(error))
    body.pipe(this.watch)
  }

  /** True when the body went silent for the stall timeout. */
  get stalled(): boolean {
    return this.watch.stalled
  }

  /** Nothing will be written after all: stops reading. */
  discard(): void {
    this.done = true
    this.watch.disarm()
    this.body.unpipe(this.watch)
    this.body.destroy()
    this.watch.destroy()
  }

  /**
   * Writes the body into the opened .part and closes it. Rejects with why the body did not
   * arrive whole (what came before is written), or with a FileWriteError.
   */
  into(handle: FileHandle, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      // The stream closes the handle when it ends, whichever way.
      const file = handle.createWriteStream()
      const onAbort = () => this.stop(signal.reason ?? new Error('The transfer was cancelled.'))
      file.on('error', (error: NodeJS.ErrnoException) => this.stop(new FileWriteError(error)))
      file.on('close', () => {
        this.done = true
        this.watch.disarm()
        signal.removeEventListener('abort', onAbort)
        if (this.failure === undefined) resolve()
        else reject(this.failure)
      })
      this.stopFile = () => {
        this.watch.unpipe(file)
        file.end()
      }
      signal.addEventListener('abort', onAbort, { once: true })
      // Stopped before the file was open (a stall): nothing more comes.
      if (this.watch.destroyed) file.end()
      else this.watch.pipe(file)
      if (signal.aborted) onAbort()
    })
  }

  /** The body broke off: keep what arrived, and let it reach the file before it closes. */
  private bodyBroke(error: unknown): void {
    if (this.done || this.failure !== undefined) return
    this.failure = error
    this.body.unpipe(this.watch)
    // Silence now is the end, not a stall: the bytes still in the watch are written however long the disk takes.
    this.watch.disarm()
    this.watch.end()
  }

  /** A stall, a cancel or a write error: stop everything now. */
  private stop(error: unknown): void {
    if (this.done || this.failure !== undefined) return
    this.failure = error ?? new Error('The transfer was interrupted.')
    this.watch.disarm()
    this.body.unpipe(this.watch)
    this.body.destroy()
    this.watch.destroy()
    this.stopFile?.()
  }
}

/** Passes bytes through, reports them, and errors after `timeoutMs` of silence. */
class StallWatch extends Transform {
  stalled = false
  private cancelTimer: (() => void) | undefined
  private disarmed = false

  constructor(
    private readonly scheduler: Scheduler,
    private readonly timeoutMs: number,
    private readonly onBytes: (count: number) => void,
  ) {
    super()
    this.arm()
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.arm()
    this.onBytes(chunk.length)
    callback(null, chunk)
  }

  override _flush(callback: TransformCallback): void {
    this.stop()
    callback()
  }

  stop(): void {
    this.cancelTimer?.()
    this.cancelTimer = undefined
  }

  /** No more stall timeouts, whatever passes through from now on. */
  disarm(): void {
    this.disarmed = true
    this.stop()
  }

  private arm(): void {
    this.stop()
    if (this.disarmed) return
    this.cancelTimer = this.scheduler.setTimeout(() => {
      this.stalled = true
      this.destroy(new Error('stalled'))
    }, this.timeoutMs)
  }
}
