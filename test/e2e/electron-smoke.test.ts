// The real app under Playwright's _electron (DESIGN.md "Packaging"): runs on machines that have
// an Electron binary (GitHub runners, developers' laptops), against the dev build or, with
// ZC_ELECTRON_APP, against a packaged app built without fuses (Playwright attaches through
// --inspect, which the nodeCliInspectArguments fuse turns off; release.yml smoke-tests the fused
// installers with --smoke-test instead). Skipped here, where Electron cannot be downloaded.
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron } from 'playwright-core'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const packagedApp = process.env.ZC_ELECTRON_APP
const electronBinary = existsSync(join(root, 'node_modules/electron/path.txt'))
const skipReason = packagedApp || electronBinary ? undefined : 'no Electron binary on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1)'

describe.skipIf(skipReason !== undefined)(`Electron smoke${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  it('starts, shows the shell, and exposes only the bridge', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'zc-electron-'))
    const app = await _electron.launch({
      ...(packagedApp ? { executablePath: resolve(root, packagedApp), args: [`--user-data-dir=${userData}`] } : { args: [root, `--user-data-dir=${userData}`] }),
    })
    try {
      const window = await app.firstWindow()
      await window.waitForSelector('[data-app-state="ready"]', { timeout: 30_000 })
      expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
      expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined')
      expect(await window.evaluate(() => Object.keys((globalThis as unknown as { zoomConnect: object }).zoomConnect).length)).toBeGreaterThan(10)
      expect(await window.evaluate(() => (globalThis as unknown as { location: { protocol: string } }).location.protocol)).toEqual(packagedApp ? 'app:' : expect.any(String))
    } finally {
      await app.close()
    }
  })
})
