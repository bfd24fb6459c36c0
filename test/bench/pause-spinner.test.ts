// The spinner counts a jump of its clock as a pause of its CPU only when it was not switched out
// meanwhile: a process the kernel stops (here by SIGSTOP, as a busier task would preempt it) is
// not the machine stopping.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SPINNER = fileURLToPath(new URL('../../bench/metrics/support/pause-spinner.ts', import.meta.url))

describe('pause spinner', () => {
  it('does not count time it was stopped by the kernel', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', SPINNER, '2', '20'], { stdio: ['ignore', 'pipe', 'inherit'] })
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
    expect((await lines.next()).value).toBe('ready')
    const stoppedAt = Number(process.hrtime.bigint()) / 1e6
    child.kill('SIGSTOP')
    // The stimulus: a stop ten times the threshold, which a spinner that ignored its switches would report.
    await sleep(200)
    child.kill('SIGCONT')
    const stretches = JSON.parse(String((await lines.next()).value)) as [number, number][]
    await once(child, 'exit')
    expect(stretches.filter(([start, end]) => end > stoppedAt && end - start >= 150)).toEqual([])
  })

  it('refuses arguments it cannot use', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', SPINNER, 'soon'], { stdio: ['ignore', 'pipe', 'pipe'] })
    const [code] = (await once(child, 'exit')) as [number]
    expect(code).not.toBe(0)
  })
})
