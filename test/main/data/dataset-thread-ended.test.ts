// The dataset thread ends while datasets are open (a crash in the thread, an out-of-memory
// end). The datasets stay in main's store; closing one afterwards must still delete its temporary
// file.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatasetBackend } from '../../../main/data/datasets/dataset'
import { DatasetStore } from '../../../main/data/datasets/dataset-store'
import { DatasetEngine } from '../../../main/data/datasets/store/dataset-engine'
import { DatasetFiles } from '../../../main/data/datasets/store/dataset-files'
import { syntheticUsers, usersResource } from './fixtures'

const NOW = Date.UTC(2026, 0, 20)

/** Ends the dataset thread as a crash would: the engine is not told beforehand. */
async function crashThread(engine: DatasetEngine): Promise<void> {
  const worker = (engine as unknown as { worker: Worker }).worker
  await worker.terminate()
}

describe('a dataset thread that ended with datasets open', () => {
  let root: string
  const backends: DatasetBackend[] = []
  const backend = () => {
    const made = { engine: new DatasetEngine(), files: new DatasetFiles(join(root, `datasets-${backends.length}`)) }
    backends.push(made)
    return made
  }
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'zc-ended-'))
  })
  afterAll(async () => {
    for (const made of backends) await made.engine.stop()
    await rm(root, { recursive: true, force: true })
  })

  it('still deletes a temporary dataset’s file when it is closed', async () => {
    const made = backend()
    const store = new DatasetStore(8, () => undefined, made)
    await store.start()
    const dataset = store.create('p1', usersResource, NOW)
    await dataset.add(syntheticUsers(50))
    const path = made.files.temporary(dataset.id)
    expect(existsSync(path)).toBe(true)
    await crashThread(made.engine)
    // The person loads the tab again: the old dataset is closed.
    await store.close(dataset.id)
    expect(existsSync(path)).toBe(false)
  })

})
