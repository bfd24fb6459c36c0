// One sandbox and one app start over the real credentials stack per test file, as vitest fixtures:
// a test asks for what it uses (`async ({ app, sandbox, time }) => …`), and the file's sandbox,
// data dir and app are made on first use and closed after its last test, in reverse order.
//
//   const test = credentialsTest({ sandbox: { users: 10 } })
//   test.beforeEach(({ sandbox }) => sandbox.setFaults([]))
//   test('connects', async ({ app, sandbox }) => { … })
//
// The sandbox's clock is always the file's ManualTime, so `time.advance()` moves Zoom and the app
// together. A test that needs a second app start over the same files calls `harness.start()`.
import { test } from 'vitest'
import { ManualTime } from '../../fakes/manual-time'
import { startSandbox, type Sandbox } from '../../sandbox'
import type { SandboxOptions } from '../../sandbox/types'
import { createHarness, type Harness, type Instance } from './credentials-harness'

export interface CredentialsSetup {
  /** This file's sandbox (apps, users, endpoints, …); its clock is the fixture's `time`. */
  sandbox?: Omit<SandboxOptions, 'now'>
  /** Options of the first app start (`app`). */
  start?: Parameters<Harness['start']>[0]
  /** Where the data dir is made (default the system temp dir). */
  baseDir?: string
}

export function credentialsTest(setup: CredentialsSetup = {}) {
  return test
    .extend('time', { scope: 'file' }, () => new ManualTime())
    .extend('sandbox', { scope: 'file' }, async ({ time }, { onCleanup }) => {
      const sandbox = await startSandbox({ ...setup.sandbox, now: () => time.now() })
      onCleanup(() => sandbox.close())
      return sandbox
    })
    .extend('harness', { scope: 'file' }, async ({ sandbox, time }, { onCleanup }) => {
      const harness = await createHarness(sandbox, time, setup.baseDir)
      onCleanup(() => harness.close())
      return harness
    })
    // harness.close() closes every instance it started, this one included.
    .extend('app', { scope: 'file' }, async ({ harness }) => harness.start(setup.start))
}

/** What a credentials test can ask for. */
export interface CredentialsFixtures {
  time: ManualTime
  sandbox: Sandbox
  harness: Harness
  app: Instance
}
