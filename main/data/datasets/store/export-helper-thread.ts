// The export helper thread: formats batches of rows the dataset worker sends it (their JSON, in
// order) and answers with their text as UTF-8 bytes, handed over without a copy, so a long
// export uses a second core and the dataset worker only writes them. It holds no database and no
// state between batches.
import { parentPort } from 'node:worker_threads'
import { formatRows } from './export-format'
import type { FormatReply, FormatRequest } from './export-helper'
import { runAsBackgroundThread } from './background-thread'

const port = parentPort
if (!port) throw new Error('export-helper-thread runs as a worker thread')
runAsBackgroundThread()

port.on('message', (request: FormatRequest) => {
  let bytes: Uint8Array
  try {
    // Its own buffer (not a slice of Node's shared pool), so it can be transferred.
    const text = formatRows(request.rows, request.input, request.first)
    bytes = new Uint8Array(Buffer.byteLength(text))
    Buffer.from(bytes.buffer).write(text)
  } catch (error) {
    const reply: FormatReply = { id: request.id, error: error instanceof Error ? error.message : String(error) }
    port.postMessage(reply)
    return
  }
  const reply: FormatReply = { id: request.id, bytes }
  port.postMessage(reply, [bytes.buffer as ArrayBuffer])
})
