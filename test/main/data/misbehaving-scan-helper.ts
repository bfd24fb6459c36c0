// A scan helper thread that takes one chunk of each scan and then misbehaves, as a real one might:
// `stuck` never answers it nor marks it done (its thread hung or died mid-chunk), `error` answers
// an error for it. It says on a broadcast channel that it took the chunk, so a test can hold the
// worker's own first chunk until then: the helper surely has one.
import { BroadcastChannel, type MessagePort, parentPort, workerData } from 'node:worker_threads'
import { markDone, type ScanRequest } from '../../../main/data/datasets/store/parallel-scan'

export const TOOK_CHUNK_CHANNEL = 'misbehaving-scan-helper'
export type Misbehaviour = 'stuck' | 'error'

// Imported by the test for its names, this module does nothing outside a worker thread.
if (parentPort) misbehaveOn(parentPort)

function misbehaveOn(requests: NonNullable<typeof parentPort>): void {
  const answers = (workerData as { port: MessagePort }).port
  const misbehaviour = process.env.ZC_TEST_SCAN_HELPER as Misbehaviour
  const told = new BroadcastChannel(TOOK_CHUNK_CHANNEL)
  requests.on('message', (request: ScanRequest) => {
    const state = new Int32Array(request.shared)
    const chunk = Atomics.add(state, 0, 1)
    if (chunk >= request.chunks.length) return
    Atomics.store(state, 1 + chunk, 1)
    if (misbehaviour === 'error') {
      answers.postMessage({ id: request.id, chunk, error: 'disk I/O error' })
      markDone(state, chunk)
    }
    told.postMessage(chunk)
  })
}
