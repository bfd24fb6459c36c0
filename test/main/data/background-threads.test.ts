// The dataset threads (the store's worker and the export's helper) run below main's priority, so
// that bulk work on a machine with few cores does not keep main's event loop waiting for a core.
// Linux keeps a nice value per thread; the test reads each thread's from /proc.
import { readdirSync, readFileSync } from 'node:fs'
import { once } from 'node:events'
import { isMainThread, Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { BACKGROUND_NICE, runAsBackgroundThread } from '../../../main/threads/thread-priority'
import { DatasetEngine } from '../../../main/data/datasets/store/dataset-engine'
import { ExportHelper } from '../../../main/data/datasets/store/export-helper'
import { oneRowDataset } from './one-row-dataset'

/** Field 19 of /proc/…/stat (the 17th after the command's closing parenthesis and state). */
const niceOf = (tid: string | number): number => Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[16])

/** Node names each of its worker threads "WorkerThread". */
const workerThreads = (): string[] => readdirSync('/proc/self/task').filter((tid) => readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim() === 'WorkerThread')

describe.runIf(process.platform === 'linux')('dataset threads run below main’s priority', () => {
  const stops: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop()
  })

  it('the store’s worker and the export helper lower their own priority, and main’s stays as it was', async () => {
    const mainNice = niceOf(process.pid)
    const before = new Set(workerThreads())

    const engine = new DatasetEngine()
    stops.push(() => engine.stop())
    // Any answer means the thread has run its start-up.
    await expect(engine.call('no-such-dataset', { op: 'count' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const dataset = oneRowDataset()
    const helper = new ExportHelper({ source: dataset.source, input: { format: 'ndjson', columns: [], labels: {} } })
    stops.push(() => helper.stop())
    stops.push(async () => dataset.remove())
    await helper.format(0, 1)

    // Other threads may come and go meanwhile (tsx runs its module hooks on one of its own).
    const started = workerThreads().filter((tid) => !before.has(tid))
    if (mainNice < BACKGROUND_NICE) expect(started.filter((tid) => niceOf(tid) === BACKGROUND_NICE)).toHaveLength(2)
    // Run under `nice -n 10` or more, every thread starts at main's value or lower already, and keeps it.
    else expect(started.length >= 2 && started.every((tid) => niceOf(tid) === mainNice)).toBe(true)
    expect(niceOf(process.pid)).toBe(mainNice)
  })

  // A thread that already runs below the background priority (the app was started with a higher
  // nice value) keeps its own: setting BACKGROUND_NICE would raise it, above main's. Where the
  // process may raise priorities (root, CAP_SYS_NICE, a RLIMIT_NICE above 10) that raise succeeds.
  it('never raises a thread already below the background priority', async () => {
    const probe = new Worker(new URL('./background-thread-probe.ts', import.meta.url), { execArgv: ['--import', 'tsx'], workerData: { nice: BACKGROUND_NICE + 5 } })
    stops.push(async () => void (await probe.terminate()))
    const [{ before, after }] = (await once(probe, 'message')) as [{ before: number; after: number }]
    expect(before).toBeGreaterThan(BACKGROUND_NICE)
    expect(after).toBe(before)
  })

  it('leaves the main thread alone when called there', () => {
    expect(isMainThread).toBe(true) // vitest runs this file in a child process's main thread
    const nice = niceOf(process.pid)
    expect(runAsBackgroundThread()).toBeUndefined()
    expect(niceOf(process.pid)).toBe(nice)
  })
})
