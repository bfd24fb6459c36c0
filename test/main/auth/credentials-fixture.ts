// One sandbox and one app start over the real credentials stack per test file, as vitest fixtures:
// a test asks for what it uses (`async ({ app, sandbox, time }) => …`), and the file's sandbox,
// data dir and app are made on first use and closed after its last test, in reverse order.
//
//   const test = credentialsTest({ sandbox: { users: 10 } })
//   test.beforeEach(({ sandbox }) => sandbox.setFaults([]))
//   test('connects', async ({ app, sandbox }) => { … })
//
// The sandbox's clock is always the file's ManualTime, so `time.advance()` moves Zoom and the app
// together. A test that needs a second app start over the same files calls `harness.start()`; one
// that needs an installation of its own (its own data dir and vault, so it runs alone as it does
// among others) asks for `installation` and starts it. Named `proxies` (loopback proxies that can
// hold requests, test/fakes/gated-proxy.ts) stand in front of the sandbox as other hosts:
//
//   const test = credentialsTest({ proxies: ['regional'], sandbox: ({ proxies }) => ({ apiUrl: proxies.regional.url }) })
import { test } from 'vitest'
import { startGatedProxy, type GatedProxy } from '../../fakes/gated-proxy'
import { ManualTime } from '../../fakes/manual-time'
import { startSandbox, type Sandbox } from '../../sandbox'
import type { SandboxOptions } from '../../sandbox/types'
import { createHarness, type Harness, type HarnessOptions, type Instance } from './credentials-harness'

type SandboxSetup = Omit<SandboxOptions, 'now'>

export interface CredentialsSetup<P extends string = never> extends HarnessOptions {
  /**
   * This file's sandbox (apps, users, endpoints, …); its clock is the fixture's `time`. A function
   * gets the proxies, which are up before the sandbox (so their URLs can be its options).
   */
  sandbox?: SandboxSetup | ((made: { proxies: Record<P, GatedProxy> }) => SandboxSetup | Promise<SandboxSetup>)
  /** Names of gated proxies to start, each forwarding to this file's sandbox. */
  proxies?: readonly P[]
  /** Options of the first app start (`app`). */
  start?: Parameters<Harness['start']>[0]
  /** Options of the per-test `installation` where they differ from the file's (e.g. only it has a passphrase vault). */
  installation?: HarnessOptions
}

export function credentialsTest<P extends string = never>(setup: CredentialsSetup<P> = {}) {
  const harnessOptions: HarnessOptions = { ...(setup.baseDir !== undefined ? { baseDir: setup.baseDir } : {}), ...(setup.passphrase !== undefined ? { passphrase: setup.passphrase } : {}) }
  return (
    test
      .extend('time', { scope: 'file' }, () => new ManualTime())
      // Vitest reads a fixture's dependencies from its destructured first argument: `{}` is none.
      // eslint-disable-next-line no-empty-pattern
      .extend('proxies', { scope: 'file' }, async ({}, { onCleanup }) => {
        const proxies = {} as Record<P, GatedProxy>
        onCleanup(async () => {
          for (const proxy of Object.values<GatedProxy>(proxies)) await proxy.close()
        })
        for (const name of setup.proxies ?? []) proxies[name] = await startGatedProxy()
        return proxies
      })
      .extend('sandbox', { scope: 'file' }, async ({ time, proxies }, { onCleanup }) => {
        const options = typeof setup.sandbox === 'function' ? await setup.sandbox({ proxies }) : setup.sandbox
        const sandbox = await startSandbox({ ...options, now: () => time.now() })
        onCleanup(() => sandbox.close())
        for (const proxy of Object.values<GatedProxy>(proxies)) proxy.target = sandbox.url
        return sandbox
      })
      .extend('harness', { scope: 'file' }, async ({ sandbox, time }, { onCleanup }) => {
        const harness = await createHarness(sandbox, time, harnessOptions)
        onCleanup(() => harness.close())
        return harness
      })
      // harness.close() closes every instance it started, this one included.
      .extend('app', { scope: 'file' }, async ({ harness }) => harness.start(setup.start))
      /** A data dir and vault of the test's own over the file's sandbox, removed after the test. */
      .extend('installation', async ({ sandbox, time }, { onCleanup }) => {
        const installation = await createHarness(sandbox, time, { ...harnessOptions, ...setup.installation })
        onCleanup(() => installation.close())
        return installation
      })
  )
}

/** What a credentials test can ask for. */
export interface CredentialsFixtures<P extends string = never> {
  time: ManualTime
  proxies: Record<P, GatedProxy>
  sandbox: Sandbox
  harness: Harness
  app: Instance
  installation: Harness
}
