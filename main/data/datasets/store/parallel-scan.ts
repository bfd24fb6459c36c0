// A filter over millions of rows, on every core: the rows are cut into chunks (ranges of row
// indexes), and the dataset worker and a few helper threads (scan-helper-thread.ts, each with a
// read-only connection of its own to the dataset's file) take the next chunk not yet taken until
// none is left. Each chunk's answer is the JSON array of its matching row indexes, made by SQLite
// itself, so no row crosses into JavaScript; the worker then writes the chunks' answers into the
// view in chunk order. A filter of ten million rows is a scan SQLite does at about 100 ns a row on
// one core; shared among the cores it ends that many times sooner.
//
// The worker stays synchronous (a fill is one step of its request, as before): it blocks on a
// shared array (Atomics.wait) while a helper finishes a chunk, and takes the helper's answer from
// its port with receiveMessageOnPort. A helper that is slow to start (or starved) simply gets fewer
// chunks; one that fails answers an error the worker then redoes itself; one that stops answering
// (its thread died) has its chunk redone by the worker after a wait, so a fill never hangs.
import { availableParallelism } from 'node:os'
import { MessageChannel, type MessagePort, receiveMessageOnPort, type Worker } from 'node:worker_threads'
import { startDataThread, threadScript, type ThreadScript } from './thread-script'

/** Below this many rows a filter is a single scan: a few tens of milliseconds, not worth the threads. */
export const PARALLEL_MIN_ROWS = 200_000
/** Chunks per thread taking part: enough that a slow thread holds up the end by little. */
const CHUNKS_PER_THREAD = 8
const MIN_CHUNK_ROWS = 25_000
/** Helper threads at most, whatever the cores: the disk and memory are shared too. */
const MAX_HELPERS = 3
/** A chunk a helper has not finished after this (and after many times the worker's own slowest) is redone by the worker. */
const MIN_STEAL_AFTER_MS = 2_000
const STEAL_FACTOR = 8
/** Helpers left idle this long end, so an idle app holds no threads for it. */
const IDLE_END_MS = 60_000

/** Chunk states in the shared array (after its first slot, the next chunk to take). */
const TAKEN = 1
const DONE = 2

/** One scan: a query over the dataset's file answering one chunk's matches as a JSON array. */
export interface ScanTask {
  /** The dataset's file. */
  path: string
  /** Answers one row: the chunk's JSON array of row indexes; its last two parameters are the chunk's [from, to). */
  sql: string
  params: readonly (string | number | null)[]
  rows: number
}

/** What the worker sends a helper for one scan. */
export interface ScanRequest extends ScanTask {
  id: number
  chunks: [number, number][]
  /** Int32: [0] the next chunk to take, [1 + i] chunk i's state. */
  shared: SharedArrayBuffer
}

/** A helper's answer for one chunk, posted before the chunk is marked done. */
export type ScanReply = { id: number; chunk: number; json: string } | { id: number; chunk: number; error: string }

/** Runs one chunk's query through a connection: the chunk's matching row indexes as JSON. */
export type ChunkQuery = (from: number, to: number) => string

/** The ranges a scan of `rows` rows is cut into for `threads` threads, each of `minRows` rows or more. */
export function chunkRanges(rows: number, threads: number, minRows = MIN_CHUNK_ROWS): [number, number][] {
  const size = Math.max(minRows, Math.ceil(rows / (threads * CHUNKS_PER_THREAD)))
  const chunks: [number, number][] = []
  for (let from = 0; from < rows; from += size) chunks.push([from, Math.min(rows, from + size)])
  return chunks
}

/**
 * Takes chunks of a shared scan until none is left (the worker and every helper run this), and
 * `run`s each one taken.
 */
export function takeChunks(state: Int32Array, chunks: number, run: (chunk: number) => void): void {
  for (;;) {
    const chunk = Atomics.add(state, 0, 1)
    if (chunk >= chunks) return
    Atomics.store(state, 1 + chunk, TAKEN)
    run(chunk)
  }
}

/** Marks a chunk done and wakes the worker if it waits for it. */
export function markDone(state: Int32Array, chunk: number): void {
  Atomics.store(state, 1 + chunk, DONE)
  Atomics.notify(state, 1 + chunk)
}

interface Helper {
  worker: Worker
  /** The worker's end of the helper's port: read only with receiveMessageOnPort. */
  port: MessagePort
}

export interface ParallelScansOptions {
  /** Helper threads; default one fewer than the cores, at most three. */
  helpers?: number
  script?: ThreadScript
  /** How long a chunk a helper took may wait before the worker redoes it (tests shorten it). */
  stealAfterMs?: number
  /** The smallest dataset whose scan is shared, and the smallest chunk (tests share small ones). */
  minRows?: number
  minChunkRows?: number
}

export class ParallelScans {
  private helpers: Helper[] | undefined
  private serial = 0
  /** Chunks the helpers answered, over every scan (what shows they took part). */
  helpedChunks = 0
  private idleTimer: ReturnType<typeof setTimeout> | undefined
  private readonly count: number

  constructor(private readonly options: ParallelScansOptions = {}) {
    this.count = options.helpers ?? Math.min(MAX_HELPERS, Math.max(0, availableParallelism() - 1))
  }

  /** Whether a scan of `rows` rows is worth sharing. */
  worth(rows: number): boolean {
    return this.count > 0 && rows >= (this.options.minRows ?? PARALLEL_MIN_ROWS)
  }

  /** Starts the helper threads ahead of a scan (a big dataset is being read), so the scan finds them ready. */
  warm(): void {
    if (this.count === 0) return
    this.helpers ??= Array.from({ length: this.count }, () => this.startHelper())
    this.restartIdleTimer()
  }

  /** Each chunk's JSON array of matching row indexes, in chunk order; `ownQuery` runs a chunk on the worker's connection. */
  scan(task: ScanTask, ownQuery: ChunkQuery): string[] {
    this.warm()
    const helpers = this.helpers ?? []
    const chunks = chunkRanges(task.rows, helpers.length + 1, this.options.minChunkRows)
    const shared = new SharedArrayBuffer(4 * (1 + chunks.length))
    const state = new Int32Array(shared)
    const id = ++this.serial
    const request: ScanRequest = { ...task, id, chunks, shared }
    for (const helper of helpers) helper.worker.postMessage(request)
    const answers = new Array<string | undefined>(chunks.length)
    let slowestOwnMs = 0
    const runOwn = (chunk: number) => {
      const started = performance.now()
      const [from, to] = chunks[chunk] as [number, number]
      answers[chunk] = ownQuery(from, to)
      slowestOwnMs = Math.max(slowestOwnMs, performance.now() - started)
    }
    takeChunks(state, chunks.length, runOwn)
    const stealAfterMs = this.options.stealAfterMs ?? Math.max(MIN_STEAL_AFTER_MS, STEAL_FACTOR * slowestOwnMs)
    for (let chunk = 0; chunk < chunks.length; chunk++) {
      if (answers[chunk] !== undefined) continue
      const deadline = performance.now() + stealAfterMs
      for (;;) {
        const seen = Atomics.load(state, 1 + chunk)
        if (seen === DONE) break
        const left = deadline - performance.now()
        if (left <= 0) break
        Atomics.wait(state, 1 + chunk, seen, left)
      }
      this.collect(helpers, id, answers)
      // Not answered in time (the helper died or is starved), or answered with an error: done here.
      // A late answer of the helper's is dropped with the next scan's (its id is older).
      if (answers[chunk] === undefined) runOwn(chunk)
    }
    this.restartIdleTimer()
    return answers as string[]
  }

  /** Ends the helper threads (the worker is ending, or they were idle). */
  async end(): Promise<void> {
    clearTimeout(this.idleTimer)
    const helpers = this.helpers ?? []
    this.helpers = undefined
    await Promise.allSettled(helpers.map((helper) => helper.worker.terminate()))
  }

  /** Takes the helpers' answers waiting on their ports; errors and other scans' answers leave theirs undefined. */
  private collect(helpers: readonly Helper[], id: number, answers: (string | undefined)[]): void {
    for (const helper of helpers) {
      for (let received = receiveMessageOnPort(helper.port); received; received = receiveMessageOnPort(helper.port)) {
        const reply = received.message as ScanReply
        if (reply.id !== id || !('json' in reply) || answers[reply.chunk] !== undefined) continue
        answers[reply.chunk] = reply.json
        this.helpedChunks++
      }
    }
  }

  private startHelper(): Helper {
    const channel = new MessageChannel()
    const worker = startDataThread(this.options.script ?? threadScript('scan-helper-thread', import.meta.url), { port: channel.port2 }, [channel.port2])
    // Its requests go by the thread's own port; only its answers use the channel (read synchronously).
    worker.unref()
    const helper: Helper = { worker, port: channel.port1 }
    // A helper that ends mid-chunk is noticed by its chunk left unanswered; later scans go without it.
    worker.on('error', () => undefined)
    worker.on('exit', () => {
      this.helpers = this.helpers?.filter((other) => other !== helper)
    })
    return helper
  }

  private restartIdleTimer(): void {
    clearTimeout(this.idleTimer)
    this.idleTimer = setTimeout(() => void this.end(), IDLE_END_MS)
    this.idleTimer.unref()
  }
}
