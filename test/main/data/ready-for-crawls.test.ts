// Main readies itself for a first crawl: the envelope scan compiled before the first page (as
// pages come: Buffers), and still compiled after that page's bytes are moved to the dataset thread
// (V8 drops code that assumed no buffer on its thread would ever be). Read through V8's own
// optimization status, in child processes run with --allow-natives-syntax.
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { childReport } from '../heap/child-report'

const CHILD = fileURLToPath(new URL('./scan-ready-child.ts', import.meta.url))
const report = (mode: string) => childReport<{ afterFirstPage: boolean; afterTransfer: boolean; datasetsWarmed: number }>(CHILD, [mode], { nodeFlags: ['--allow-natives-syntax'] })

describe('readyForCrawls', () => {
  it('starts the datasets’ thread once, has the envelope scan compiled for the first page, and keeps it through the first buffer transfer', async () => {
    expect(await report('ready')).toEqual({ afterFirstPage: true, afterTransfer: true, datasetsWarmed: 1 })
  })

  it('without it, the first page is scanned by code not yet compiled', async () => {
    expect(await report('cold')).toEqual({ afterFirstPage: false, afterTransfer: false, datasetsWarmed: 0 })
  })

  it('a warm-up alone is thrown away by the first transfer', async () => {
    expect(await report('warm-only')).toEqual({ afterFirstPage: true, afterTransfer: false, datasetsWarmed: 0 })
  })
})
