// Runs one scan request through a scan helper thread alone (the test takes no chunk itself), the
// way the dataset worker talks to it: the request on the thread's port, the answers read
// synchronously from the channel once the shared array marks each chunk done.
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads'
import { type ScanReply, type ScanTask } from '../../../main/data/datasets/store/parallel-scan'
import { startDataThread, type ThreadScript } from '../../../main/data/datasets/store/thread-script'

const DONE = 2

export async function scanThroughHelper(script: ThreadScript, task: ScanTask, chunks: [number, number][]): Promise<ScanReply[]> {
  const channel = new MessageChannel()
  const worker = startDataThread(script, { port: channel.port2 }, [channel.port2])
  try {
    const shared = new SharedArrayBuffer(4 * (1 + chunks.length))
    const state = new Int32Array(shared)
    worker.postMessage({ ...task, id: 1, chunks, shared })
    const replies: ScanReply[] = []
    for (let chunk = 0; chunk < chunks.length; chunk++) {
      // Bounded, so a helper that never answers fails the test instead of hanging it.
      const deadline = Date.now() + 30_000
      while (Atomics.load(state, 1 + chunk) !== DONE && Date.now() < deadline) Atomics.wait(state, 1 + chunk, Atomics.load(state, 1 + chunk), 1000)
    }
    for (let received = receiveMessageOnPort(channel.port1); received; received = receiveMessageOnPort(channel.port1)) replies.push(received.message as ScanReply)
    return replies.sort((a, b) => a.chunk - b.chunk)
  } finally {
    await worker.terminate()
  }
}
