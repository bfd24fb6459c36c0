// A scan helper thread: takes chunks of a filter's scan (parallel-scan.ts) through a read-only
// connection of its own to the dataset's file, opened for the scan and closed after it (so a
// dataset moved or deleted next is not held open), and answers each chunk's matching row indexes
// on its port before marking the chunk done.
import type { DatabaseSync } from 'node:sqlite'
import { type MessagePort, parentPort, workerData } from 'node:worker_threads'
import { openForReading } from './read-only-open'
import { markDone, type ScanReply, type ScanRequest, takeChunks } from './parallel-scan'
import { runAsBackgroundThread } from '../../../threads/thread-priority'

const requests = parentPort
if (!requests) throw new Error('scan-helper-thread runs as a worker thread')
runAsBackgroundThread()
const answers = (workerData as { port: MessagePort }).port

requests.on('message', (request: ScanRequest) => {
  const state = new Int32Array(request.shared)
  let db: DatabaseSync | undefined
  let statement: ReturnType<DatabaseSync['prepare']> | undefined
  takeChunks(state, request.chunks.length, (chunk) => {
    const [from, to] = request.chunks[chunk] as [number, number]
    let reply: ScanReply
    try {
      // A crawl may be writing the file: a read that meets its lock waits, as the worker's writes do.
      db ??= openForReading(request.path)
      statement ??= db.prepare(request.sql)
      reply = { id: request.id, chunk, json: String(statement.get(...request.params, from, to)?.json) }
    } catch (error) {
      reply = { id: request.id, chunk, error: error instanceof Error ? error.message : String(error) }
    }
    answers.postMessage(reply)
    markDone(state, chunk)
  })
  db?.close()
})
