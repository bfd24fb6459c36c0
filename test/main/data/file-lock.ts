// A lock on a dataset's file held by a thread of the test's own, through its own connection, so a
// test can make the dataset's reads or writes wait at a known point: `BEGIN` and a read (others
// may read, nobody may write) or `BEGIN EXCLUSIVE` (nobody may read either).
import { once } from 'node:events'
import { Worker } from 'node:worker_threads'

export interface HeldLock {
  /** Resolves with the time the lock was let go (Date.now(), comparable across threads). */
  released: Promise<number>
  /** Lets go of the lock now (a lock held until told). */
  release(): void
  stop(): Promise<number>
}

/** Resolves once the lock is held; it is let go after `forMs`, or when told if none is given. */
export async function holdLock(path: string, begin: 'BEGIN' | 'BEGIN EXCLUSIVE', forMs?: number): Promise<HeldLock> {
  const holder = new Worker(
    `const { DatabaseSync } = require('node:sqlite'); const { parentPort, workerData } = require('node:worker_threads');
     const db = new DatabaseSync(workerData.path); db.exec(workerData.begin); db.prepare('SELECT count(*) FROM rows').get();
     const release = () => { db.exec('COMMIT'); db.close(); parentPort.postMessage(Date.now()) };
     parentPort.postMessage('locked');
     if (workerData.forMs === undefined) parentPort.once('message', release); else setTimeout(release, workerData.forMs)`,
    { eval: true, workerData: { path, begin, forMs } },
  )
  const [locked] = (await once(holder, 'message')) as [string]
  if (locked !== 'locked') throw new Error(`the lock holder said ${String(locked)}`)
  const released = once(holder, 'message').then(([at]) => at as number)
  return { released, release: () => holder.postMessage('release'), stop: () => holder.terminate() }
}
