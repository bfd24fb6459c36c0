import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../../main/core'
import { FakeSafeStorage } from '../../fakes/fake-safe-storage'
import { createFakeAdapters } from '../../fakes/adapters'
import { startSandbox, type Sandbox } from '../../sandbox'

describe('npm run demo seeding', () => {
  let zoom: Sandbox
  let dataDir: string
  let core: Core
  beforeAll(async () => {
    zoom = await startSandbox({ seed: 3, users: 20, plan: 'unlimited' })
    dataDir = await mkdtemp(join(tmpdir(), 'zc-demo-'))
  })
  afterAll(async () => {
    await core?.dispose()
    await zoom.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('creates a profile per sandbox app that connects, and never duplicates them', async () => {
    const { adapters } = createFakeAdapters({ dataDir, real: true, script: { credentials: zoom.login } })
    core = await createCore(adapters, { trustedOrigins: [] })
    const seed = { url: zoom.url, apps: zoom.apps }
    expect(await core.seedDemo(seed)).toBe(4)
    expect(await core.seedDemo(seed)).toBe(0)
    const profiles = await core.credentials.profiles.list()
    expect(profiles.map((p) => p.name).sort()).toEqual(['Sandbox · Admin-managed app', 'Sandbox · Public PKCE app', 'Sandbox · Server-to-Server', 'Sandbox · User-managed app'])
    for (const profile of profiles) expect((await core.credentials.auth.connect(profile.id)).state).toBe('connected')
  })

  it('falls back to the passphrase when the keychain is no protection (basic_text)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zc-demo-basic-'))
    const { adapters } = createFakeAdapters({ dataDir: dir, real: true, safeStorage: new FakeSafeStorage({ backend: 'basic_text' }) })
    const weak = await createCore(adapters, { trustedOrigins: ['app://zoom-connect'] })
    await weak.seedDemo({ url: zoom.url, apps: zoom.apps })
    const info = await weak.router.invoke('vault.status', { frameUrl: 'app://zoom-connect/index.html', isMainFrame: true, isOurWindow: true }, undefined)
    await weak.dispose()
    await rm(dir, { recursive: true, force: true })
    expect(info).toMatchObject({ ok: true, value: { state: 'unlocked', protection: { kind: 'passphrase', secure: true } } })
  })

  it('rejects a malformed seed', async () => {
    await expect(core.seedDemo({ url: 'not a url', apps: {} })).rejects.toThrow()
  })
})
