// Main's start-up setting for the collector (main/young-generation.ts): with it, short-lived
// buffers like a crawl's are collected by scavenges and no run of full mark-compacts follows;
// without it, on the V8 this app runs on, the same allocations cause full collections, and the
// young generation grows until scavenges stop (the behaviour it corrects; should a later V8 stop
// doing that, the "without it" tests say the setting can go).
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const CHILD = fileURLToPath(new URL('./buffer-churn-child.ts', import.meta.url))
const WORKER_CHILD = fileURLToPath(new URL('./worker-young-generation-child.ts', import.meta.url))

interface Churned {
  major: number
  minor: number
  largestNewSpaceMb: number
}

async function churn(mode: 'tuned' | 'default', survivors = false): Promise<Churned> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CHILD, mode, ...(survivors ? ['survivors'] : [])], { timeout: 60_000 })
  return JSON.parse(stdout) as Churned
}

describe('collecting short-lived buffers', () => {
  // About 1.9 GB of 320 KB bodies: measured 0–1 full collections with the setting (one is the
  // heap's own growth while the child loads) and 20–24 without, none of them young-generation ones.
  it('with main’s setting: the buffers go in young-generation collections', async () => {
    const counts = await churn('tuned')
    expect(counts.minor).toBeGreaterThan(10)
    expect(counts.major).toBeLessThanOrEqual(2)
  })

  it('without it: the same buffers cause full collections, one after another', async () => {
    const counts = await churn('default')
    expect(counts.major).toBeGreaterThanOrEqual(10)
    expect(counts.minor).toBeLessThan(counts.major)
  })
})

describe('the young generation while pages in flight survive', () => {
  // With eight pages' objects alive at a time, V8 grows the young generation: measured 64–128 MB
  // without the setting (and 64 MB with only the capacity flag), 5–6.5 MB with it. A large one is
  // what made the crawl's full collections come every 110 ms (see young-generation.ts).
  it('with main’s setting: it stays small, and scavenges keep collecting', async () => {
    const counts = await churn('tuned', true)
    expect(counts.largestNewSpaceMb).toBeLessThanOrEqual(8)
    expect(counts.minor).toBeGreaterThan(50)
    expect(counts.major).toBeLessThanOrEqual(6)
  })

  it('without it: it grows many times over', async () => {
    const counts = await churn('default', true)
    expect(counts.largestNewSpaceMb).toBeGreaterThanOrEqual(32)
  })

  // A dataset thread's heap is made after the setting: it starts at the larger size, not main's.
  it('a worker thread started after the setting gets a larger young generation than without it', async () => {
    const sizeOf = async (mode: 'tuned' | 'default') => Number((await promisify(execFile)(process.execPath, ['--import', 'tsx', WORKER_CHILD, mode], { timeout: 60_000 })).stdout)
    const [tuned, untuned] = await Promise.all([sizeOf('tuned'), sizeOf('default')])
    expect(tuned).toBeGreaterThan(untuned)
  })
})
