// machine_pause_*: how long this machine stops running every CPU at once, quiet and while data is
// flushed to its disk at the rate a ten-million-row crawl writes it. No budget: it measures the
// machine, not the app. On the shared virtual machines the benchmarks run on, writing to the disk
// makes the host stop the whole guest for several milliseconds at a time (traced with perf: no timer
// interrupt on either CPU for 8 to 24 ms while a crawl flushed its dataset), and such a stop is
// part of every event-loop delay measured across it, main_loop_block_ms included. This suite puts
// a number on it beside that figure.
//
// One spinner per CPU (support/pause-spinner.ts, pinned with taskset, at the lowest priority)
// records the stretches its CPU ran nothing of the guest; the stretches common to every CPU are
// the machine's pauses. First a quiet phase, then one in which this process writes FLUSH_MB each
// second to a file in the temporary folder (where datasets live) and syncs it, as the datasets'
// write-behind does. Linux only (CPU lists from /proc, pinning with taskset).
import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdtemp, open, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { metric, type Metric } from '../report'
import { everywhereAtOnce, summarisePauses, type Stretch } from './support/machine-pause-overlap'
import { SuiteSkipped } from './support/skip'

const SPINNER = fileURLToPath(new URL('./support/pause-spinner.ts', import.meta.url))
const QUIET_MS = 10_000
/** Longer than the quiet phase: the pauses while flushing vary by several times, and the crawl flushes for minutes. */
const FLUSHING_MS = 30_000
/** What the ten-million-row crawl writes a second: 1.24 GB a million rows at about 42,000 rows/s. */
const FLUSH_MB = 50
/** Shorter jumps happen on any busy CPU (a tick's work); the figure is about long ones. */
const THRESHOLD_MS = 2
/** Decimal, as the dataset figures count the bytes a crawl writes. */
const MB = 1_000_000

/** The CPUs this process may run on ("0-1,4" in /proc/self/status). */
function allowedCpus(): number[] {
  const line = readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith('Cpus_allowed_list:'))
  if (!line) throw new SuiteSkipped('/proc/self/status has no Cpus_allowed_list')
  return line.split(':')[1]!.trim().split(',').flatMap((range) => {
    const [from, to] = range.split('-').map(Number)
    return Array.from({ length: (to ?? from!) - from! + 1 }, (_, i) => from! + i)
  })
}

const clock = () => Number(process.hrtime.bigint()) / 1e6

type Spinner = ChildProcessByStdio<null, Readable, null>

/** Starts a spinner on `cpu`: resolves once it spins, with its stretches to come. */
async function startSpinner(cpu: number, seconds: number): Promise<{ child: Spinner; stretches: Promise<Stretch[]> }> {
  const child = spawn('taskset', ['-c', String(cpu), process.execPath, '--import', 'tsx', SPINNER, String(seconds), String(THRESHOLD_MS)], { stdio: ['ignore', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the spinner on CPU ${cpu} exited with code ${code}`))))
  const first = await Promise.race([lines.next(), exited])
  if (first.value !== 'ready') throw new Error(`the spinner on CPU ${cpu} did not start: ${String(first.value)}`)
  const stretches = Promise.race([lines.next(), exited]).then((line) => JSON.parse(String(line.value)) as Stretch[])
  // Awaited once the phases are done; a spinner stopped before then (the run failed) is not news.
  stretches.catch(() => undefined)
  return { child, stretches }
}

/** Writes and syncs `mb` MB each second until `until` (clock ms): what it managed a second. */
async function flushEverySecond(mb: number, until: number): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'zoom-connect-bench-flush-'))
  const file = await open(join(dir, 'flush.bin'), 'w', 0o600)
  const chunk = randomBytes(MB)
  const started = clock()
  let written = 0
  try {
    for (let second = started; clock() < until; second += 1000) {
      for (let i = 0; i < mb; i++) written += (await file.write(chunk)).bytesWritten
      await file.datasync()
      const wait = second + 1000 - clock()
      if (wait > 0) await sleep(Math.min(wait, until - clock()))
    }
  } finally {
    await file.close()
    await rm(dir, { recursive: true, force: true })
  }
  return written / MB / ((clock() - started) / 1000)
}

export async function measureMachinePauses(): Promise<Metric[]> {
  if (process.platform !== 'linux') throw new SuiteSkipped('pinning a spinner to each CPU needs Linux (taskset)')
  if (spawnSync('taskset', ['--version']).error) throw new SuiteSkipped('taskset (util-linux) is not installed')
  const cpus = allowedCpus()
  const seconds = (QUIET_MS + FLUSHING_MS) / 1000 + 2
  const spinners = await Promise.all(cpus.map((cpu) => startSpinner(cpu, seconds)))
  try {
    const quiet: Stretch = [clock(), clock() + QUIET_MS]
    await sleep(QUIET_MS)
    const flushStart = clock()
    const flushedMbPerS = await flushEverySecond(FLUSH_MB, flushStart + FLUSHING_MS)
    const flushing: Stretch = [flushStart, clock()]
    const perCpu = await Promise.all(spinners.map((s) => s.stretches))
    const describe = (window: Stretch) => {
      const machine = summarisePauses(everywhereAtOnce(perCpu, window), THRESHOLD_MS)
      const longestOneCpu = Math.max(0, ...perCpu.map((list) => summarisePauses(everywhereAtOnce([list], window), THRESHOLD_MS).longestMs))
      return { machine, note: `${machine.count} pauses of every CPU at once of ${THRESHOLD_MS} ms or more in ${((window[1] - window[0]) / 1000).toFixed(0)} s, ${machine.totalMs.toFixed(0)} ms in all; the longest stop of one CPU alone ${longestOneCpu.toFixed(1)} ms; ${cpus.length} CPUs, a spinner pinned to each at the lowest priority` }
    }
    const q = describe(quiet)
    const f = describe(flushing)
    const info = { kind: 'info' } as const
    return [
      metric('machine_pause_quiet_ms', q.machine.longestMs, 'ms', info, `longest stretch in which no CPU ran anything of this machine's, nothing else running; ${q.note}`),
      metric('machine_pause_flushing_ms', f.machine.longestMs, 'ms', info, `the same while ${flushedMbPerS.toFixed(0)} MB/s were written to the temporary folder and synced each second (the rate of the ten-million-row crawl); ${f.note}`),
    ]
  } finally {
    for (const { child } of spinners) if (child.exitCode === null && child.signalCode === null) child.kill()
  }
}
