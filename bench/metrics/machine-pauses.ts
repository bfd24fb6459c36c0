// machine_pause_*: how long every CPU of this machine stops at once, with no bench work and while
// data is flushed to its disk at about the rate the ten-million-row crawl writes it. No budget: it
// measures the machine, not the app. On the shared virtual machines the benchmarks run on, a perf
// trace of a crawl (irq_vectors:local_timer_entry with sched_switch) showed stretches of 8 to 24 ms
// with no timer interrupt on either CPU while tasks ran on both: the host was not running the
// guest. Such a stop is part of every event-loop delay measured across it, main_loop_block_ms
// included, and no thread of the app runs during it whatever its priority. This suite puts a
// number on it beside that figure.
//
// One spinner per CPU (support/pause-spinner.ts, pinned with taskset, at the lowest priority)
// records the jumps of its clock across which it was not switched out; the stretches common to
// every CPU are the figure. First a quiet phase, then one in which this process writes FLUSH_MB
// each second to a file in the temporary folder (where datasets live) and syncs it, as the
// datasets' write-behind does. Linux only (CPU lists and online CPUs from /proc and /sys, pinning
// with taskset).
import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { metric, type Metric } from '../report'
import { everywhereAtOnce, monotonicMs as clock, summarisePauses, type Stretch } from './support/machine-pause-overlap'
import { SuiteSkipped } from './support/skip'
import type { Jumps } from './support/unswitched-jumps'

const SPINNER = fileURLToPath(new URL('./support/pause-spinner.ts', import.meta.url))
const QUIET_MS = 10_000
/** Longer than the quiet phase: the stops while flushing vary by several times, and a crawl flushes for minutes. */
const FLUSHING_MS = 30_000
/** About what the ten-million-row crawl writes a second (1.3 GB a million rows at about 42,000 rows/s: 55 MB/s). */
const FLUSH_MB = 50
/** Shorter jumps happen on any busy CPU (a tick's work); the figure is about long ones. */
const THRESHOLD_MS = 2
/** Decimal, as the dataset figures count the bytes a crawl writes. */
const MB = 1_000_000

/** CPU numbers in a list such as "0-1,4". */
function cpuList(text: string): number[] {
  return text.trim().split(',').filter((range) => range !== '').flatMap((range) => {
    const [from, to] = range.split('-').map(Number)
    return Array.from({ length: (to ?? from!) - from! + 1 }, (_, i) => from! + i)
  })
}

/** The CPUs this process may run on that are online; skipped where Linux's lists cannot be read. */
function cpusToWatch(): number[] {
  let allowed: number[]
  let online: number[]
  try {
    const line = readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith('Cpus_allowed_list:'))
    if (!line) throw new Error('no Cpus_allowed_list')
    allowed = cpuList(line.split(':')[1]!)
    online = cpuList(readFileSync('/sys/devices/system/cpu/online', 'utf8'))
  } catch (error) {
    throw new SuiteSkipped(`the CPUs to watch cannot be read (${error instanceof Error ? error.message : String(error)})`)
  }
  // A CPU this process may not use could be running anything: the pauses would not be the whole machine's.
  if (online.some((cpu) => !allowed.includes(cpu))) throw new SuiteSkipped(`this process may run on CPUs ${allowed.join(',')} only, of ${online.join(',')} online`)
  return online
}

type Spinner = ChildProcessByStdio<null, Readable, null>

interface Started {
  child: Spinner
  /** What it reports when done: its jumps and the span it covered. */
  jumps: Promise<Jumps>
}

/** Starts a spinner on `cpu`; `ready` resolves once it spins. */
function startSpinner(cpu: number, seconds: number): Started & { ready: Promise<void> } {
  const child = spawn('taskset', ['-c', String(cpu), process.execPath, '--import', 'tsx', SPINNER, String(seconds), String(THRESHOLD_MS)], { stdio: ['ignore', 'pipe', 'inherit'] })
  const lines: string[] = []
  const reader = createInterface({ input: child.stdout })
  reader.on('line', (line) => lines.push(line))
  // 'close': its output has been read to the end, so its last line is never lost to the exit.
  const ended = new Promise<void>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`the spinner on CPU ${cpu} exited with code ${code} after ${JSON.stringify(lines)}`))))
  })
  const firstLine = new Promise<string>((resolve) => reader.once('line', resolve))
  const ready = Promise.race([firstLine, ended.then(() => undefined)]).then((line) => {
    if (line === 'not lowered') throw new SuiteSkipped('a spinner could not take the lowest priority, so it would take cores from the work it watches')
    if (line !== 'ready') throw new Error(`the spinner on CPU ${cpu} did not start: ${String(line)}`)
  })
  const jumps = ended.then(() => {
    if (lines.length < 2) throw new Error(`the spinner on CPU ${cpu} ended without a report`)
    return JSON.parse(lines.at(-1)!) as Jumps
  })
  // Awaited once the phases are done; a spinner stopped before then (the run failed) is not news.
  jumps.catch(() => undefined)
  return { child, ready, jumps }
}

/** Writes and syncs `mb` MB each second until `until` (clock ms): what it managed a second. */
async function flushEverySecond(mb: number, until: number): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'zoom-connect-bench-flush-'))
  let file: FileHandle | undefined
  try {
    file = await open(join(dir, 'flush.bin'), 'w', 0o600)
    const chunk = randomBytes(MB)
    const started = clock()
    let written = 0
    for (let second = started; clock() < until; second += 1000) {
      for (let i = 0; i < mb; i++) written += (await file.write(chunk)).bytesWritten
      await file.datasync()
      const wait = Math.min(second + 1000, until) - clock()
      if (wait > 0) await sleep(wait)
    }
    return written / MB / ((clock() - started) / 1000)
  } finally {
    await file?.close().catch(() => undefined)
    await rm(dir, { recursive: true, force: true })
  }
}

export async function measureMachinePauses(): Promise<Metric[]> {
  if (process.platform !== 'linux') throw new SuiteSkipped('pinning a spinner to each CPU needs Linux (taskset)')
  if (spawnSync('taskset', ['--version']).error) throw new SuiteSkipped('taskset (util-linux) is not installed')
  const cpus = cpusToWatch()
  // Writes left by the suites before this one would otherwise reach the disk during the quiet phase.
  spawnSync('sync')
  // Longer than the phases by a margin; each spinner reports the span it covered, checked below.
  const seconds = (QUIET_MS + FLUSHING_MS) / 1000 + 10
  const spinners = cpus.map((cpu) => startSpinner(cpu, seconds))
  try {
    await Promise.all(spinners.map((s) => s.ready))
    const loadAtStart = loadavg()[0]!
    const quiet: Stretch = [clock(), clock() + QUIET_MS]
    await sleep(QUIET_MS)
    const flushStart = clock()
    const flushedMbPerS = await flushEverySecond(FLUSH_MB, flushStart + FLUSHING_MS)
    const flushing: Stretch = [flushStart, clock()]
    const reports = await Promise.all(spinners.map((s) => s.jumps))
    for (const [i, { covered }] of reports.entries()) {
      if (covered[0] > quiet[0] || covered[1] < flushing[1]) throw new Error(`the spinner on CPU ${cpus[i]} did not watch both phases`)
    }
    const perCpu = reports.map((r) => r.stretches)
    const describe = (window: Stretch) => {
      const machine = summarisePauses(everywhereAtOnce(perCpu, window), THRESHOLD_MS)
      const longestOnAnyCpu = Math.max(0, ...perCpu.map((list) => summarisePauses(everywhereAtOnce([list], window), THRESHOLD_MS).longestMs))
      return { machine, note: `${machine.count} stretches of ${THRESHOLD_MS} ms or more in ${((window[1] - window[0]) / 1000).toFixed(0)} s in which every CPU's spinner saw its clock jump without being switched out, ${machine.totalMs.toFixed(0)} ms in all; the longest such jump on any one CPU ${longestOnAnyCpu.toFixed(1)} ms; ${cpus.length} CPUs, a spinner pinned to each at the lowest priority (each keeps its CPU busy, as a crawl keeps them); load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end` }
    }
    const q = describe(quiet)
    const f = describe(flushing)
    const info = { kind: 'info' } as const
    return [
      metric('machine_pause_quiet_ms', q.machine.longestMs, 'ms', info, `longest stop of every CPU at once with no bench work; ${q.note}`),
      metric('machine_pause_flushing_ms', f.machine.longestMs, 'ms', info, `the same while ${flushedMbPerS.toFixed(0)} MB/s were written to the temporary folder and synced each second (about the ten-million-row crawl's rate); ${f.note}`),
    ]
  } finally {
    for (const { child } of spinners) if (child.exitCode === null && child.signalCode === null) child.kill()
  }
}
