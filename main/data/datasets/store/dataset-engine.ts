// Main's side of the dataset worker: starts the thread, sends requests, resolves their replies.
// Main never touches a database itself, so its event loop never waits on one.
import type { Worker } from 'node:worker_threads'
import { AppError, ERROR_CODES, type ErrorCode } from '../../../../common/errors'
import type { Replies, ReplyMessage, Request, RequestMessage } from './protocol'
import { startDataThread, threadScript, type ThreadScript } from './thread-script'

/** The worker's code: the script given (the built app's), else the one beside this module. */
function workerScript(given: URL | undefined): ThreadScript {
  return given ? { url: given, execArgv: [] } : threadScript('dataset-worker', import.meta.url)
}

interface Pending {
  resolve: (value: unknown) => void
  reject: (error: AppError) => void
}

export class DatasetEngine {
  private worker: Worker | undefined
  private serial = 0
  private readonly pending = new Map<number, Pending>()

  constructor(private readonly script?: URL) {}

  /** `transfer`: buffers of the request moved to the worker instead of copied (unusable here afterwards). */
  call<Op extends Request['op']>(datasetId: string, request: Extract<Request, { op: Op }>, transfer: readonly ArrayBuffer[] = []): Promise<Replies[Op]> {
    const worker = this.start()
    const id = ++this.serial
    return new Promise<Replies[Op]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      // The thread keeps the process alive only while it has work to answer.
      if (this.pending.size === 1) worker.ref()
      const message: RequestMessage = { id, datasetId, request }
      worker.postMessage(message, transfer)
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
