// Main readies itself for a first crawl: the envelope scan compiled before the first page, and
// still compiled after the first page's bytes are moved to the dataset thread (the first buffer
// transfer of a process makes V8 drop code that assumed none would come). Read through V8's own
// optimization status, in a child process run with --allow-natives-syntax.
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { childReport } from '../heap/child-report'

const CHILD = fileURLToPath(new URL('./scan-ready-child.ts', import.meta.url))
const report = (mode: string) => childReport<{ afterReady: boolean; afterTransfer: boolean }>(CHILD, [mode], { nodeFlags: ['--allow-natives-syntax'] })

describe('readyForCrawls', () => {
  it('leaves the envelope scan compiled, through the first buffer transfer', async () => {
    expect(await report('ready')).toEqual({ afterReady: true, afterTransfer: true })
  })

  it('compiles the scan only by warming it, and a transfer after that warm-up alone throws it away', async () => {
    expect(await report('cold')).toEqual({ afterReady: false, afterTransfer: false })
    expect(await report('warm-only')).toEqual({ afterReady: true, afterTransfer: false })
  })
})
