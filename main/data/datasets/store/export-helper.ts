// The dataset worker's side of the export helper thread (export-helper-thread.ts): started for
// one export (its rows' source and format), given ranges of its rows to read and format, ended
// with it. The helper reads the rows from the dataset's file itself, so the worker neither reads
// nor copies them: between them, the two threads export nearly twice as fast as one.
import type { Worker } from 'node:worker_threads'
import { AppError } from '../../../../common/errors'
import type { ExportFormat } from './export-format'
import type { ExportSource } from './export-source'
import { startDataThread, threadScript } from './thread-script'

/** The one export a helper thread serves, given when it starts. */
export interface HelperExport {
  source: ExportSource
  input: ExportFormat
}

export interface FormatRequest {
  id: number
  /** Export positions [offset, offset + limit). */
  offset: number
  limit: number
}

/** The text of the rows read (`rows` of them) as UTF-8 bytes, or why there is none. */
export type FormatReply = { id: number; bytes: Uint8Array; rows: number } | { id: number; error: string }

export interface Formatted {
  bytes: Uint8Array
  rows: number
}

export class ExportHelper {
  private readonly worker: Worker
  private serial = 0
  private readonly waiting = new Map<number, { resolve: (formatted: Formatted) => void; reject: (error: AppError) => void }>()
  private failure: AppError | undefined

  constructor(task: HelperExport, script = threadScript('export-helper-thread', import.meta.url)) {
    this.worker = startDataThread(script, task)
    this.worker.on('message', (reply: FormatReply) => {
      const entry = this.waiting.get(reply.id)
      if (!entry) return
      this.waiting.delete(reply.id)
      if ('bytes' in reply) entry.resolve({ bytes: reply.bytes, rows: reply.rows })
      else entry.reject(new AppError('INTERNAL', `The export could not be written: ${reply.error}`))
    })
    this.worker.on('error', (error) => this.fail(new AppError('INTERNAL', `The export helper stopped: ${error.message}`)))
    this.worker.on('exit', () => this.fail(new AppError('INTERNAL', 'The export helper stopped.')))
  }

  /** How many ranges it is formatting or has queued. */
  get busy(): number {
    return this.waiting.size
  }

  /** The text of the export's rows at positions [offset, offset + limit). */
  format(offset: number, limit: number): Promise<Formatted> {
    if (this.failure) return Promise.reject(this.failure)
    const id = ++this.serial
    return new Promise<Formatted>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject })
      const request: FormatRequest = { id, offset, limit }
      this.worker.postMessage(request)
    })
  }

  /** Ends the thread; its connection to the dataset's file is closed with it (so the file can be moved or deleted, on Windows too). */
  async stop(): Promise<void> {
    await this.worker.terminate()
  }

  private fail(error: AppError): void {
    this.failure ??= error
    const waiting = [...this.waiting.values()]
    this.waiting.clear()
    for (const entry of waiting) entry.reject(error)
  }
}
