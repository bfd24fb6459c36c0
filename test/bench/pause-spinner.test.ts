// The spinner counts a jump of its clock only when it was not switched out meanwhile: a process the
// kernel stops (here by SIGSTOP, as a busier task would preempt it) is not the machine stopping.
// Signals and context-switch counts as used here are Linux's.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { monotonicMs } from '../../bench/metrics/support/machine-pause-overlap'
import type { Jumps } from '../../bench/metrics/support/unswitched-jumps'

const SPINNER = fileURLToPath(new URL('../../bench/metrics/support/pause-spinner.ts', import.meta.url))

describe.skipIf(process.platform !== 'linux')('pause spinner', () => {
  it('does not count time it was stopped by the kernel, and reports the span it watched', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', SPINNER, '2', '20'], { stdio: ['ignore', 'pipe', 'inherit'] })
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
    expect((await lines.next()).value).toBe('ready')
    const stoppedAt = monotonicMs()
    child.kill('SIGSTOP')
    // The stimulus: a stop ten times the threshold, which a spinner that ignored its switches would report.
    await sleep(200)
    child.kill('SIGCONT')
    const report = JSON.parse(String((await lines.next()).value)) as Jumps
    await once(child, 'exit')
    expect(report.stretches.filter(([start, end]) => end > stoppedAt && end - start >= 150)).toEqual([])
    expect(report.covered[1]).toBeGreaterThan(stoppedAt + 200)
    expect(report.covered[0]).toBeLessThan(stoppedAt)
  })

  it('refuses arguments it cannot use, saying how to call it', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', SPINNER, 'soon'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const [code] = (await once(child, 'exit')) as [number]
    expect(code).toBe(2)
    expect(stderr).toContain('usage: pause-spinner')
  })
})
