// A core on fake adapters over a data folder of its own, for tests that call it through the router
// as the renderer does: the folder is made at first use (a test may put files there before the
// core starts), a core can be started again on it (a restart), and after each test the last core
// is disposed and the folder removed.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { createCore, type Core } from '../../main/core'
import type { SenderInfo } from '../../main/ipc/router'
import { createFakeAdapters } from './adapters'

const ORIGIN = 'app://zoom-connect'

/** The app's own page, as the router sees a call from it. */
export const appPage: SenderInfo = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOurWindow: true }

export function corePerTest(prefix: string) {
  let dataDir: string | undefined
  let core: Core | undefined
  afterEach(async () => {
    await core?.dispose()
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
    core = dataDir = undefined
  })
  const folder = async () => (dataDir ??= await mkdtemp(join(tmpdir(), prefix)))
  return {
    folder,
    /** A core on the test's folder; the one before it, if any, must have been disposed. */
    start: async (): Promise<Core> => {
      core = await createCore(createFakeAdapters({ dataDir: await folder() }).adapters, { trustedOrigins: [ORIGIN] })
      return core
    },
  }
}
