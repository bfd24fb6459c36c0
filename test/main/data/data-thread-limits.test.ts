// The data threads (the store's worker and the export's helper) start with DATA_THREAD_LIMITS:
// main's collector setting (main/young-generation.ts) would otherwise give a thread started after
// it a far smaller young generation than these threads build rows in. Every Worker started
// through the modules is recorded with the options it was given.
import type * as WorkerThreads from 'node:worker_threads'
import type { ResourceLimits, WorkerOptions } from 'node:worker_threads'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DatasetEngine } from '../../../main/data/datasets/store/dataset-engine'
import { ExportHelper } from '../../../main/data/datasets/store/export-helper'
import { oneRowDataset } from './one-row-dataset'
import { DATA_THREAD_LIMITS } from '../../../main/young-generation'

const started = vi.hoisted(() => [] as (ResourceLimits | undefined)[])

vi.mock('node:worker_threads', async (importOriginal) => {
  const actual = await importOriginal<typeof WorkerThreads>()
  class RecordingWorker extends actual.Worker {
    constructor(script: string | URL, options?: WorkerOptions) {
      started.push(options?.resourceLimits)
      super(script, options)
    }
  }
  return { ...actual, Worker: RecordingWorker, default: { ...actual, Worker: RecordingWorker } }
})

describe('the data threads’ heaps', () => {
  const stops: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop()
    started.length = 0
  })

  it('the store’s worker starts with the data threads’ limits', async () => {
    const engine = new DatasetEngine()
    stops.push(() => engine.stop())
    await expect(engine.call('no-such-dataset', { op: 'count' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(started).toEqual([DATA_THREAD_LIMITS])
  })

  // The app warms the store's thread once its window has loaded, so that a person's first crawl
  // does not share main's cores with the thread's start; the first request then finds it running.
  it('warming starts the store’s thread once, ready for the first request', async () => {
    const engine = new DatasetEngine()
    stops.push(() => engine.stop())
    await engine.warm()
    expect(started).toEqual([DATA_THREAD_LIMITS])
    await expect(engine.call('no-such-dataset', { op: 'count' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await engine.warm()
    expect(started).toHaveLength(1)
  })

  it('once the warmed thread is stopped, the next request starts another', async () => {
    const engine = new DatasetEngine()
    stops.push(() => engine.stop())
    await engine.warm()
    await engine.stop()
    await expect(engine.call('no-such-dataset', { op: 'count' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(started).toHaveLength(2)
  })

  it('the export’s helper starts with them too', async () => {
    const dataset = oneRowDataset()
    const helper = new ExportHelper({ source: dataset.source, input: { format: 'ndjson', columns: [], labels: {} } })
    stops.push(() => helper.stop())
    stops.push(async () => dataset.remove())
    await helper.format(0, 1)
    expect(started).toEqual([DATA_THREAD_LIMITS])
  })
})
