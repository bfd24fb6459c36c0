// The export helper thread: reads ranges of an export's rows from the dataset's file, through a
// read-only connection of its own, formats them and answers with their text as UTF-8 bytes,
// handed over without a copy. The dataset worker then only writes them, and formats the ranges
// it does not hand over. One thread serves one export; ending the thread closes its connection.
import { parentPort, workerData } from 'node:worker_threads'
import { formatRows } from './export-format'
import type { FormatReply, FormatRequest, HelperExport } from './export-helper'
import { ExportReader } from './export-source'
import { openForReading } from './read-only-open'
import { runAsBackgroundThread } from '../../../threads/thread-priority'

const port = parentPort
if (!port) throw new Error('export-helper-thread runs as a worker thread')
runAsBackgroundThread()

const { source, input } = workerData as HelperExport
// A crawl may still be writing the file: a read that meets its lock waits, as the worker's writes do.
const reader = new ExportReader(openForReading(source.path), source.order)

port.on('message', (request: FormatRequest) => {
  let reply: FormatReply
  try {
    const rows = reader.read(request.offset, request.limit)
    const text = formatRows(rows, input, request.offset)
    // Its own buffer (not a slice of Node's shared pool), so it can be transferred.
    const bytes = new Uint8Array(Buffer.byteLength(text))
    Buffer.from(bytes.buffer).write(text)
    reply = { id: request.id, bytes, rows: rows.length }
  } catch (error) {
    port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies FormatReply)
    return
  }
  port.postMessage(reply, [reply.bytes.buffer as ArrayBuffer])
})
