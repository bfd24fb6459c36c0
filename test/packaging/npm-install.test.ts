// The README's first command is `npm install && npm start`: on a laptop, that install must run
// Electron's install script, which downloads the Electron binary (npm 11 skips a script that
// package.json's `allowScripts` sets to false; npm 12 skips every script it does not allow).
// This machine has no internet, so the download is pointed at a local mirror that only records
// what it is asked for: a request for this version's zip proves the script ran, and ran without
// ELECTRON_SKIP_BINARY_DOWNLOAD (the script exits before downloading when that is set).
// To stay fast on a 2-core machine, the checkout's package.json (its allowScripts as they are)
// and package-lock.json are cut down to Electron and what Electron depends on, exactly as locked:
// npm decides whether to run a package's script from that package and allowScripts alone.
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
interface LockEntry {
  version?: string
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}
interface Lock {
  packages: Record<string, LockEntry>
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Lock
const electronVersion = lock.packages['node_modules/electron']?.version ?? ''

/** The lock entries Electron needs: node's lookup (nested node_modules first, then the parents'). */
function electronClosure(): Record<string, LockEntry> {
  const kept: Record<string, LockEntry> = {}
  const visit = (path: string) => {
    const entry = lock.packages[path]
    if (!entry || kept[path]) return
    kept[path] = entry
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      let base = path
      for (;;) {
        const candidate = `${base}/node_modules/${name}`
        if (lock.packages[candidate]) {
          visit(candidate)
          break
        }
        const parent = base.lastIndexOf('/node_modules/')
        if (parent < 0) {
          visit(`node_modules/${name}`)
          break
        }
        base = base.slice(0, parent)
      }
    }
  }
  visit('node_modules/electron')
  return kept
}

function writeCheckout(dir: string) {
  const devDependencies = { electron: electronVersion }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...pkg, dependencies: {}, devDependencies }, null, 2))
  const rootEntry = { ...lock.packages[''], dependencies: {}, devDependencies }
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ ...lock, packages: { '': rootEntry, ...electronClosure() } }, null, 2))
}

/** Where packages come from and how to reach it: kept, whoever set it. */
const REGISTRY_ACCESS = /^npm_config_(registry|cache|userconfig|proxy|https_proxy|noproxy|strict_ssl|cafile|ca)$/i

/** The environment of a person's shell: nothing npm or a CI script set for this test run. */
function plainEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if ((/^npm_/i.test(key) && !REGISTRY_ACCESS.test(key)) || /^electron_/i.test(key)) continue
    env[key] = value
  }
  return { ...env, ...extra }
}

function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  return new Promise<{ code: number; output: string }>((done) => {
    // On Windows npm is npm.cmd, which Node only starts through a shell.
    execFile(command, args, { ...options, shell: process.platform === 'win32', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      done({ code, output: `${stdout}\n${stderr}` })
    })
  })
}

describe('a clean checkout’s `npm install`', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zc-npm-install-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('runs Electron’s install script, which asks for this version’s binary', { timeout: 240_000 }, async () => {
    expect(electronVersion).toMatch(/^\d+\.\d+\.\d+$/)
    const requested: string[] = []
    const mirror = createServer((request, response) => {
      requested.push(request.url ?? '')
      response.writeHead(404).end()
    })
    await new Promise<void>((listening) => mirror.listen(0, '127.0.0.1', listening))
    const { port } = mirror.address() as AddressInfo
    try {
      writeCheckout(dir)
      expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))).toMatchObject({ allowScripts: pkg.allowScripts })
      // --prefer-offline: packages come from npm's local cache (filled by the install that
      // brought this checkout's node_modules) where it has them; it changes nothing about scripts.
      const result = await run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], {
        cwd: dir,
        env: plainEnvironment({
          ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
          electron_config_cache: join(dir, 'electron-cache'),
        }),
      })
      expect(requested, result.output).toContain(`/v${electronVersion}/electron-v${electronVersion}-${process.platform}-${process.arch}.zip`)
      // Here the download can only fail (404 from the mirror; "fetch failed" without one), and
      // npm reports it as the failure of Electron's install script.
      expect(result.code).not.toBe(0)
      expect(result.output).toMatch(/node_modules[\\/]electron[\s\S]*node install\.js/)
    } finally {
      mirror.closeAllConnections()
      await new Promise<void>((closed) => mirror.close(() => closed()))
    }
  })
})
