// Main's start-up setting for the collector (main/young-generation.ts): with it, short-lived
// buffers like a crawl's are collected by scavenges and no full mark-compact runs; without it, on
// the V8 this app runs on, the same allocations cause full collections (the behaviour it corrects;
// should a later V8 stop doing that, the second test says the setting can go).
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const CHILD = fileURLToPath(new URL('./buffer-churn-child.ts', import.meta.url))

async function churn(mode: 'tuned' | 'default'): Promise<{ major: number; minor: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CHILD, mode], { timeout: 60_000 })
  return JSON.parse(stdout) as { major: number; minor: number }
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
