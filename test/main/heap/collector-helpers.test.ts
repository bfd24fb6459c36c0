// At start-up main lowers V8's helper threads (they do the collector's concurrent work for
// every isolate of the process, the data threads' included) to the data threads' background
// priority, and nothing else: main and libuv's pool keep theirs. Linux alone keeps a priority per
// thread; elsewhere nothing is changed (and nothing is reported lowered).
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { BACKGROUND_NICE } from '../../../main/threads/thread-priority'
import { childReport } from './child-report'

const CHILD = fileURLToPath(new URL('./thread-priorities-child.ts', import.meta.url))

interface Thread {
  threadId: number
  name: string
  nice: number
}

function threadsAfterSetting(startNice?: number): Promise<{ pid: number; lowered: number[]; threads: Thread[] }> {
  return childReport(CHILD, [], startNice === undefined ? {} : { prefix: ['nice', '-n', String(startNice)] })
}

describe.runIf(process.platform === 'linux')('V8’s helper threads under main’s setting (Linux)', () => {
  it('every helper runs at the background priority; main and the other threads keep theirs', async () => {
    const { pid, lowered, threads } = await threadsAfterSetting()
    const main = threads.find((thread) => thread.threadId === pid)
    // The priority the process was started with (0 unless the tests run under nice).
    const started = main!.nice
    const helpers = threads.filter((thread) => thread.name === 'V8Worker')
    expect(helpers.length).toBeGreaterThan(0)
    expect(helpers.map((helper) => helper.nice)).toEqual(helpers.map(() => Math.max(BACKGROUND_NICE, started)))
    expect([...lowered].sort()).toEqual(helpers.map((helper) => helper.threadId).sort())
    const others = threads.filter((thread) => thread.name !== 'V8Worker')
    expect(others.length).toBeGreaterThan(1)
    expect(others.map((thread) => thread.nice)).toEqual(others.map(() => started))
  })

  // A process started at a lower priority than the background one (every thread inherits it)
  // keeps it: setting the background value would raise the helpers where raising is allowed.
  it('helpers already lower than the background priority are left lower', async () => {
    const { pid, threads } = await threadsAfterSetting(BACKGROUND_NICE + 5)
    // `nice` adds to the runner's own value (up to 19).
    const started = threads.find((thread) => thread.threadId === pid)!.nice
    expect(started).toBeGreaterThan(BACKGROUND_NICE)
    const helpers = threads.filter((thread) => thread.name === 'V8Worker')
    expect(helpers.length).toBeGreaterThan(0)
    expect(helpers.map((helper) => helper.nice)).toEqual(helpers.map(() => started))
  })
})
