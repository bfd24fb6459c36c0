// A console request to a slow endpoint is cancelled across the bridge: the page cancels the call by
// its id, the request to Zoom is torn down (the sandbox sees its client go away before it answered),
// and the reply is the console's response carrying a CANCELLED error. Runs on the real core.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { ConsoleResponse, Envelope } from '../../../common/contract'
import type { ProfileView } from '../../../common/profile'
import { createCore, type Core } from '../../../main/core'
import { CallRegistry } from '../../../main/ipc/calls'
import { createFakeAdapters } from '../../fakes/adapters'
import { startSandbox, type Sandbox } from '../../sandbox'

const trusted = { frameUrl: 'app://zoom-connect/index.html', isMainFrame: true, isOurWindow: true }

describe('cancelling console.send', () => {
  let zoom: Sandbox
  let dataDir: string
  let core: Core
  let profileId: string

  beforeAll(async () => {
    zoom = await startSandbox({ seed: 3, users: 10, plan: 'unlimited' })
    dataDir = await mkdtemp(join(tmpdir(), 'zc-cancel-'))
    const { adapters } = createFakeAdapters({ dataDir, real: true, script: { credentials: zoom.login } })
    core = await createCore(adapters, { trustedOrigins: ['app://zoom-connect'] })
    await core.seedDemo({ url: zoom.url, apps: zoom.apps })
    const profiles = (await core.router.invoke('profiles.list', trusted, undefined)) as Envelope<ProfileView[]>
    if (!profiles.ok) throw new Error(profiles.error.message)
    profileId = profiles.value.find((p) => p.name === 'Sandbox · Server-to-Server')!.id
    expect(await core.router.invoke('auth.connect', trusted, { profileId })).toMatchObject({ ok: true })
  })
  afterAll(async () => {
    await core?.dispose()
    await zoom?.close()
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  })

  it('tears the request down and answers CANCELLED when the page cancels it', async () => {
    // Far longer than the test may take: only a cancel ends this request.
    zoom.setFaults([{ kind: 'latency', ms: 600_000, pathPrefix: '/v2/users/me' }])
    const calls = new CallRegistry().forWindow(1)
    const pending = core.router.invoke('console.send', trusted, { profileId, method: 'GET', url: '/users/me' }, { callId: 'send-1', calls })
    // Cancel only once the request has reached Zoom, so that a request in flight is what is torn down.
    await vi.waitFor(() => expect(zoom.listFaults()[0]?.seen).toBe(1), { timeout: 10_000 })
    expect(await core.router.invoke('app.cancelCall', trusted, { callId: 'send-1' }, { calls })).toEqual({ ok: true, value: { cancelled: true } })
    const reply = (await pending) as Envelope<ConsoleResponse>
    expect(reply).toMatchObject({ ok: true, value: { status: 0, error: { code: 'CANCELLED' } } })
    await vi.waitFor(() => expect(zoom.abandoned()).toContain('GET /v2/users/me'), { timeout: 10_000 })
    // Recorded like any console request that failed, without credentials.
    const history = (await core.router.invoke('console.history', trusted, { profileId })) as Envelope<{ error?: string }[]>
    expect(history.ok && history.value[0]?.error).toMatch(/cancel/i)
  })
})
