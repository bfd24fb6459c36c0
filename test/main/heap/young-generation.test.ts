// Main's start-up setting for the collector (main/young-generation.ts): with it, short-lived
// buffers like a crawl's are collected by scavenges, one every few megabytes, on the thread that
// allocated them alone, and no run of full mark-compacts follows; without it, on the V8 this app
// runs on, the same allocations cause full collections (the behaviour it corrects; should a later
// V8 stop doing that, the "without it" test says the setting can go).
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { childReport } from './child-report'

const CHILD = fileURLToPath(new URL('./buffer-churn-child.ts', import.meta.url))
const run = promisify(execFile)

interface Churned {
  major: number
  minor: number
  largestNewSpaceMb: number
}

async function churn(mode: 'tuned' | 'default', survivors = false, nodeFlags: string[] = []): Promise<Churned> {
  return childReport<Churned>(CHILD, [mode, ...(survivors ? ['survivors'] : [])], { nodeFlags })
}

describe('collecting short-lived buffers', () => {
  // About 1.9 GB of 320 KB bodies. Measured with the setting: 0–3 full collections (the heap's own
  // growth while the child loads) and about 490 young-generation ones, one every 3.9 MB; with the
  // flag at its earlier value of 8, one every 33 MB (about 57); without it, 20–24 full collections
  // and none of the young generation.
  it('with main’s setting: the buffers go in young-generation collections, every few megabytes', async () => {
    const counts = await churn('tuned')
    expect(counts.minor).toBeGreaterThan(200)
    expect(counts.major).toBeLessThanOrEqual(5)
  })

  it('without it: the same buffers cause full collections, one after another', async () => {
    const counts = await churn('default')
    expect(counts.major).toBeGreaterThanOrEqual(10)
    expect(counts.minor).toBeLessThan(counts.major)
  })

  // With eight pages' objects alive at a time, V8 grows a young generation whenever what survived
  // its scavenges since the last growth outnumbers its size: main's grew to 64 MB during a crawl,
  // and each doubling held main for milliseconds. Main's setting keeps it at its start size
  // (measured here: at most 5 MB, against 64 MB without it); the buffers still set off a
  // scavenge every few megabytes.
  it('with main’s setting: the young generation does not grow for survivors, and scavenges keep coming', async () => {
    const counts = await churn('tuned', true)
    expect(counts.largestNewSpaceMb).toBeLessThan(16)
    expect(counts.minor).toBeGreaterThan(200)
    // What a small young generation promotes early does not start a run of full collections (4 measured).
    expect(counts.major).toBeLessThanOrEqual(8)
  })

  it('without it: V8 grows the young generation for the same survivors', async () => {
    const counts = await churn('default', true)
    expect(counts.largestNewSpaceMb).toBeGreaterThanOrEqual(32)
  })
})

const DATA_THREAD_CHILD = fileURLToPath(new URL('./data-thread-heap-child.ts', import.meta.url))

const dataThreadHeap = (mode: 'tuned' | 'default') => childReport<{ startMb: number; largestMb: number }>(DATA_THREAD_CHILD, [mode])

describe('the data threads’ young generation', () => {
  // Main's setting stops every young generation of the process from growing: a data thread's is
  // made whole when it starts instead (a 16 MB semi-space; the second is added at its first
  // scavenge). Without the setting it starts at 4 MB and grows (to 16 here) as rows survive.
  it('with main’s setting: a data thread starts with its whole young generation', async () => {
    const heap = await dataThreadHeap('tuned')
    expect(heap.startMb).toBeGreaterThanOrEqual(16)
    expect(heap.largestMb).toBeLessThanOrEqual(32)
  })

  it('without it: a data thread starts small and grows', async () => {
    const heap = await dataThreadHeap('default')
    expect(heap.startMb).toBeLessThan(16)
    expect(heap.largestMb).toBeGreaterThan(heap.startMb)
  })
})

/** The young-generation collections' work done by V8's helper threads, summed from --trace-gc-nvp. */
async function helpersScavenging(mode: 'tuned' | 'default'): Promise<{ scavenges: number; helperMs: number }> {
  const { stdout } = await run(process.execPath, ['--trace-gc-nvp', '--import', 'tsx', CHILD, mode, 'survivors'], { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 })
  let scavenges = 0
  let helperMs = 0
  // Only the churn's own collections: the child's loading ran before the setting was applied.
  for (const line of stdout.slice(stdout.indexOf('churn starts\n')).split('\n')) {
    if (!/ gc=s /.test(line)) continue
    scavenges++
    helperMs += Number(/ background\.scavenge\.parallel=([\d.]+)/.exec(line)?.[1] ?? Number.NaN)
  }
  return { scavenges, helperMs }
}

describe('scavenges on one thread', () => {
  // A parallel scavenge waits for the helpers that took a part of it; with main's setting none
  // take any. Without it, the survivors' scavenges here hand helpers some of their work.
  it('with main’s setting: no helper thread does a scavenge’s work; without it, helpers do', async () => {
    const [tuned, untuned] = await Promise.all([helpersScavenging('tuned'), helpersScavenging('default')])
    expect(tuned.scavenges).toBeGreaterThan(100)
    expect(tuned.helperMs).toBe(0)
    expect(untuned.scavenges).toBeGreaterThan(0)
    expect(untuned.helperMs).toBeGreaterThan(0)
  })
})

describe('on a V8 that collects its young generation by mark-sweep (--minor-ms)', () => {
  // Measured: 2–3 full collections with the setting, 23–24 without it (or with only the
  // scavenger's flag).
  it('with main’s setting: the buffers cause no run of full collections', async () => {
    const [tuned, untuned] = await Promise.all([churn('tuned', false, ['--minor-ms']), churn('default', false, ['--minor-ms'])])
    expect(tuned.major).toBeLessThanOrEqual(5)
    expect(untuned.major).toBeGreaterThanOrEqual(10)
  })
})
