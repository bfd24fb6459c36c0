// The parent side of sandbox-child.ts: the same facts as startSandbox() returns, with the
// controls the benchmarks use sent to the sandbox's /__admin/* hooks.
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { AppsInfo, Plan, SandboxOptions, SandboxStats } from '../../../test/sandbox'
import type { SandboxPriority } from './lowest-priority'

export interface SandboxProcess {
  url: string
  apps: AppsInfo
  accountId: string
  /** The priority its threads run at (lowest-priority.ts says why). */
  priority: SandboxPriority
  stats(): Promise<SandboxStats>
  resetStats(): Promise<void>
  setPlan(plan: Plan): Promise<void>
  setLatency(ms: number): Promise<void>
  advanceClock(ms: number): Promise<void>
  close(): Promise<void>
}

const CHILD = fileURLToPath(new URL('./sandbox-child.ts', import.meta.url))

export async function startSandboxProcess(options: SandboxOptions): Promise<SandboxProcess> {
  // SANDBOX_BENCH_NODE_FLAGS: Node flags for the sandbox's process only (e.g. "--cpu-prof --cpu-prof-dir=/tmp/p").
  const flags = (process.env.SANDBOX_BENCH_NODE_FLAGS ?? '').split(' ').filter((flag) => flag !== '')
  // Its collector on one thread: a parallel collection wakes several helper threads at once, each
  // one more thread ready to run on the app's cores (lowest-priority.ts has the measurement).
  const child = fork(CHILD, [JSON.stringify(options)], { execArgv: ['--import', 'tsx', '--single-threaded-gc', ...flags], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const ready = await new Promise<{ url: string; apps: AppsInfo; accountId: string; priority: SandboxPriority }>((resolve, reject) => {
    child.once('message', (message) => resolve(message as { url: string; apps: AppsInfo; accountId: string; priority: SandboxPriority }))
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`the sandbox process exited early (code ${code})`)))
  })
  const admin = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${ready.url}/__admin/${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    })
    if (!response.ok) throw new Error(`sandbox admin ${method} ${path} answered ${response.status}`)
    return response.json()
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return {
    ...ready,
    stats: async () => (await admin('GET', 'stats')) as SandboxStats,
    resetStats: async () => void (await admin('POST', 'stats/reset')),
    setPlan: async (plan) => void (await admin('POST', 'plan', { plan })),
    setLatency: async (ms) => void (await admin('POST', 'latency', { ms })),
    advanceClock: async (advanceMs) => void (await admin('POST', 'clock', { advanceMs })),
    close: async () => {
      if (child.connected) child.disconnect()
      await exited
    },
  }
}

/** Runs `work` with a sandbox process that is closed afterwards, whatever happens. */
export async function withSandbox<T>(options: SandboxOptions, work: (sandbox: SandboxProcess) => Promise<T>): Promise<T> {
  const sandbox = await startSandboxProcess(options)
  try {
    return await work(sandbox)
  } finally {
    await sandbox.close()
  }
}
