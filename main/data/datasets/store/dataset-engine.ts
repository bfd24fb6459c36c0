// Main's side of the dataset worker: starts the thread, sends requests, resolves their replies.
// Main never touches a database itself, so its event loop never waits on one.
import type { Worker } from 'node:worker_threads'
import { AppError, ERROR_CODES, type ErrorCode } from '../../../../common/errors'
import type { CancelMessage, ExportRowsWritten, Replies, ReplyMessage, Request, RequestMessage } from './protocol'
import { startDataThread, threadScript, type ThreadScript } from './thread-script'

/** The worker's code: the script given (the built app's), else the one beside this module. */
function workerScript(given: URL | undefined): ThreadScript {
  return given ? { url: given, execArgv: [] } : threadScript('dataset-worker', import.meta.url)
}

interface Pending {
  resolve: (value: unknown) => void
  reject: (error: AppError) => void
  progress?: ((progress: ExportRowsWritten) => void) | undefined
}

export interface CallOptions {
  /** Buffers of the request moved to the worker instead of copied (unusable here afterwards). */
  transfer?: readonly ArrayBuffer[]
  /** Aborting it asks the worker to stop the request (an export stops at its next batch). */
  signal?: AbortSignal
  /** Told how far the request has got, while it runs (an export). */
  progress?: (progress: ExportRowsWritten) => void
}

export class DatasetEngine {
  private worker: Worker | undefined
  private serial = 0
  private readonly pending = new Map<number, Pending>()

  constructor(private readonly script?: URL) {}

  call<Op extends Request['op']>(datasetId: string, request: Extract<Request, { op: Op }>, options: CallOptions = {}): Promise<Replies[Op]> {
    const { signal } = options
    if (signal?.aborted) return Promise.reject(cancelledBy(signal))
    const worker = this.start()
    const id = ++this.serial
    return new Promise<Replies[Op]>((resolve, reject) => {
      const stop = () => {
        // Still running: the worker ends it and answers (CANCELLED) once it has let go of it.
        if (this.pending.has(id) && this.worker === worker) worker.postMessage({ cancel: id } satisfies CancelMessage)
      }
      signal?.addEventListener('abort', stop, { once: true })
      const settled = () => signal?.removeEventListener('abort', stop)
      this.pending.set(id, {
        resolve: (value) => {
          settled()
          resolve(value as Replies[Op])
        },
        reject: (error) => {
          settled()
          // Stopped because main asked: the reason main gave says why (the worker only knows it was asked).
          reject(error.code === 'CANCELLED' && signal?.aborted ? cancelledBy(signal) : error)
        },
        progress: options.progress,
      })
      // The thread keeps the process alive only while it has work to answer.
      if (this.pending.size === 1) worker.ref()
      const message: RequestMessage = { id, datasetId, request }
      worker.postMessage(message, options.transfer ?? [])
    })
  }

  /**
   * Starts the thread ahead of its first request and resolves once it runs. A thread starts at
   * main's priority and builds its heap and loads its code there, taking a core for that long;
   * started with the first crawl, it did so while the crawl's first pages ran main's code cold.
   */
  async warm(): Promise<void> {
    await this.call('', { op: 'ready' })
  }

  /** Ends the thread (its databases close with it); requests still waiting fail. */
  async stop(): Promise<void> {
    const worker = this.worker
    this.worker = undefined
    if (worker) await worker.terminate()
    this.failAll(new AppError('CANCELLED', 'The dataset store was closed.'))
  }

  private start(): Worker {
    if (this.worker) return this.worker
    const worker = startDataThread(workerScript(this.script))
    worker.unref()
    worker.on('message', (reply: ReplyMessage) => this.settle(reply, worker))
    worker.on('error', (error) => {
      if (this.worker === worker) this.worker = undefined
      this.failAll(new AppError('INTERNAL', `The dataset store stopped: ${error.message}`))
    })
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined
      this.failAll(new AppError('INTERNAL', 'The dataset store stopped.'))
    })
    this.worker = worker
    return worker
  }

  private settle(reply: ReplyMessage, worker: Worker): void {
    const waiting = this.pending.get(reply.id)
    if (!waiting) return
    if ('progress' in reply) {
      waiting.progress?.(reply.progress)
      return
    }
    this.pending.delete(reply.id)
    if (this.pending.size === 0) worker.unref()
    if (reply.ok) waiting.resolve(reply.value)
    else waiting.reject(new AppError(asErrorCode(reply.error.code), reply.error.message))
  }

  private failAll(error: AppError): void {
    const waiting = [...this.pending.values()]
    this.pending.clear()
    for (const entry of waiting) entry.reject(error)
  }
}

const asErrorCode = (code: string): ErrorCode => ((ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'INTERNAL')

/** The error a call aborted before it was sent fails with: the signal's own if it is one. */
function cancelledBy(signal: AbortSignal): AppError {
  return signal.reason instanceof AppError ? signal.reason : new AppError('CANCELLED', 'Cancelled.')
}
