// Our machines cannot download Electron to build installers, so the config is checked against
// app-builder-lib's own JSON schema and validation (the same code electron-builder runs first).
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const require = createRequire(import.meta.url)
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<Record<string, unknown>>
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>
}
const debugLogger = { isEnabled: false, add() {} }

interface BuilderConfig {
  productName: string
  linux: { target: string[] }
  win: { target: string[] }
  mac: { target: { target: string; arch: string[] }[]; icon: string }
  publish: { provider: string; releaseType?: string }[]
  electronFuses: Record<string, boolean>
  artifactName: string
  deb: { depends: string[] }
}

describe('electron-builder.yml', () => {
  it('validates against app-builder-lib’s schema', async () => {
    const config = await getConfig(root, resolve(root, 'electron-builder.yml'), null)
    await expect(validateConfiguration(config, debugLogger)).resolves.toBeUndefined()
  })

  it('is really checked: a misspelt key is rejected', async () => {
    const config = await getConfig(root, resolve(root, 'electron-builder.yml'), null)
    await expect(validateConfiguration({ ...config, productNme: 'typo' }, debugLogger)).rejects.toThrow(/productNme/)
  })

  it('builds every installer DESIGN.md names and flips every fuse', async () => {
    const config = (await getConfig(root, resolve(root, 'electron-builder.yml'), null)) as unknown as BuilderConfig
    expect(config.productName).toBe('Zoom Connect')
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']))
    expect(config.win.target).toContain('nsis')
    expect(config.mac.target.map((t) => t.target)).toEqual(expect.arrayContaining(['dmg', 'zip']))
    expect(config.publish[0].provider).toBe('github')
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    })
  })

  it('ships the built app, and package.json points main at it', () => {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { main: string }
    expect(pkg.main).toBe('out/main/index.js')
  })

  it('builds Intel and Apple Silicon Macs, and re-signs ad hoc after the fuses', async () => {
    const config = (await getConfig(root, resolve(root, 'electron-builder.yml'), null)) as unknown as BuilderConfig
    for (const target of config.mac.target) expect(target.arch, target.target).toEqual(expect.arrayContaining(['x64', 'arm64']))
    // Without it an unsigned arm64 build is killed at launch (@electron/fuses' README).
    expect(config.electronFuses.resetAdHocDarwinSignature).toBe(true)
  })

  it('keeps electron-builder’s default .deb dependencies and adds ours', async () => {
    const config = (await getConfig(root, resolve(root, 'electron-builder.yml'), null)) as unknown as BuilderConfig
    const { default: FpmTarget } = require('app-builder-lib/out/targets/FpmTarget') as { default: { prototype: { getDefaultDepends(target: string): string[] } } }
    const defaults = FpmTarget.prototype.getDefaultDepends('deb')
    expect(defaults).toContain('libgtk-3-0')
    expect(config.deb.depends).toEqual(expect.arrayContaining([...defaults, 'libsecret-1-0', 'libgbm1']))
  })

  it('names artifacts without spaces, so the GitHub release serves them under the names latest*.yml gives', async () => {
    const config = (await getConfig(root, resolve(root, 'electron-builder.yml'), null)) as unknown as BuilderConfig
    expect(config.artifactName).not.toMatch(/\s|\$\{productName\}/)
    expect(config.publish[0]).toMatchObject({ provider: 'github', releaseType: 'draft' })
  })
})
