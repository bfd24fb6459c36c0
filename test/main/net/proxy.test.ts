// Main's HTTP goes through the proxy Chromium resolves for each URL (ProxyResolver port, fed by
// session.resolveProxy in the app): a local CONNECT proxy sees the token request and the API
// calls to the sandbox, and a proxy that refuses gives NETWORK_PROXY_REFUSED, not a vague failure.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ConsoleResponse } from '../../../common/contract'
import { createCore, type Core } from '../../../main/core'
import { chooseProxy, directProxyResolver } from '../../../main/net/proxy'
import type { ProxyResolver } from '../../../main/ports'
import { createFakeAdapters } from '../../fakes/adapters'
import { startSandbox, type Sandbox } from '../../sandbox'
import { findCanaries, SANDBOX_TOKEN_PREFIX } from '../../support/canary'
import { startConnectProxy, type ConnectProxy } from '../../support/connect-proxy'

describe('chooseProxy (Chromium PAC result lists)', () => {
  it.each([
    ['DIRECT', 'direct'],
    ['', 'direct'],
    ['PROXY proxy.corp:8080', 'http://proxy.corp:8080/'],
    ['PROXY proxy.corp:8080; DIRECT', 'http://proxy.corp:8080/'],
    ['HTTPS secure.corp:443', 'https://secure.corp/'],
    ['PROXY proxy.corp', 'http://proxy.corp/'],
    ['PROXY [::1]:3128', 'http://[::1]:3128/'],
    ['SOCKS5 socks.corp:1080; PROXY proxy.corp:8080', 'http://proxy.corp:8080/'],
    ['SOCKS5 socks.corp:1080; DIRECT', 'direct'],
    ['QUIC q.corp:443; proxy fallback.corp:81', 'http://fallback.corp:81/'],
    ['PROXY user:pw@proxy.corp:8080; DIRECT', 'direct'],
  ])('%j → %s', (answer, expected) => {
    const choice = chooseProxy(answer)
    expect(choice.kind === 'direct' ? 'direct' : choice.url.href).toBe(expected)
  })

  it.each(['SOCKS5 socks.corp:1080', 'SOCKS socks.corp:1080; SOCKS4 other:1080', 'PROXY', 'nonsense'])('refuses %j: only proxies main cannot use (no silent DIRECT)', (answer) => {
    expect(() => chooseProxy(answer)).toThrow(expect.objectContaining({ code: 'NETWORK_PROXY_UNSUPPORTED' }))
  })
})

describe('main’s HTTP through the system proxy', () => {
  let zoom: Sandbox
  let proxy: ConnectProxy
  let dataDir: string
  let core: Core
  let profileId: string
  let logs: { records: unknown[] }
  const errors: unknown[] = []
  const resolved: string[] = []
  let answer = (): string => `PROXY ${proxy.hostPort}`
  const resolver: ProxyResolver = {
    resolve: async (url) => {
      resolved.push(url)
      return answer()
    },
  }
  const trusted = { frameUrl: 'app://zoom-connect/index.html', isMainFrame: true, isOurWindow: true }
  const send = async () => {
    const reply = await core.router.invoke('console.send', trusted, { profileId, method: 'GET', url: '/users/me' })
    if (!reply.ok) throw new Error(reply.error.message)
    errors.push((reply.value as ConsoleResponse).error)
    return reply.value as ConsoleResponse
  }

  beforeAll(async () => {
    zoom = await startSandbox({ seed: 7, users: 10, plan: 'unlimited' })
    proxy = await startConnectProxy()
    dataDir = await mkdtemp(join(tmpdir(), 'zc-proxy-'))
    const { adapters, fakes } = createFakeAdapters({ dataDir, real: true, script: { credentials: zoom.login } })
    logs = fakes.logs
    core = await createCore({ ...adapters, proxy: resolver }, { trustedOrigins: ['app://zoom-connect'] })
    await core.seedDemo({ url: zoom.url, apps: zoom.apps })
    profileId = (await core.credentials.profiles.list()).find((p) => p.name === 'Sandbox · Server-to-Server')!.id
  })
  afterEach(() => {
    proxy.mode = 'tunnel'
    answer = () => `PROXY ${proxy.hostPort}`
  })
  afterAll(async () => {
    await core?.dispose()
    await proxy?.close()
    await zoom?.close()
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  })

  it('sends the token request and an API call through the CONNECT proxy resolved for their URLs', async () => {
    expect((await core.credentials.auth.connect(profileId)).state).toBe('connected')
    const response = await send()
    expect(response.status).toBe(200)
    const sandboxHost = new URL(zoom.url).host
    expect(proxy.tunnels.length).toBeGreaterThan(0)
    expect(new Set(proxy.tunnels)).toEqual(new Set([sandboxHost]))
    expect(proxy.requests).toContain('POST /oauth/token')
    expect(proxy.requests).toContain('GET /v2/users/me')
    expect(resolved.some((url) => url.startsWith(`${zoom.url}/oauth/token`))).toBe(true)
    expect(resolved.some((url) => url.startsWith(`${zoom.url}/v2/users/me`))).toBe(true)
  })

  // A proxy of its own for each refusal: the first one's kept-alive tunnel would carry the request.
  async function refusingProxy(status: 407 | 403) {
    const refusing = await startConnectProxy()
    refusing.mode = status
    answer = () => `PROXY ${refusing.hostPort}`
    return refusing
  }

  it('says the proxy asked for a sign-in (407) when it refuses the token request', async () => {
    const refusing = await refusingProxy(407)
    try {
      const failure = await core.credentials.auth.connect(profileId).then(() => undefined, (error: unknown) => error)
      errors.push({ message: (failure as Error | undefined)?.message })
      expect(failure).toMatchObject({ code: 'NETWORK_PROXY_REFUSED', message: expect.stringContaining('407') })
      expect(refusing.tunnels).toEqual([new URL(zoom.url).host])
    } finally {
      await refusing.close()
    }
  })

  it('says the proxy refused (403) an API call', async () => {
    await core.credentials.auth.connect(profileId)
    const refusing = await refusingProxy(403)
    try {
      const response = await send()
      expect(response.error).toMatchObject({ code: 'NETWORK_PROXY_REFUSED', message: expect.stringContaining('403') })
      expect(refusing.requests).toEqual([])
    } finally {
      await refusing.close()
    }
  })

  it('says the proxy could not be reached when nothing listens there', async () => {
    await core.credentials.auth.connect(profileId)
    answer = () => 'PROXY 127.0.0.1:1'
    const response = await send()
    expect(response.error).toMatchObject({ code: 'NETWORK_PROXY_REFUSED', message: expect.stringContaining('could not be reached') })
  })

  it('fails clearly when the settings name only a SOCKS proxy', async () => {
    answer = () => 'SOCKS5 127.0.0.1:1080'
    const response = await send()
    expect(response.error).toMatchObject({ code: 'NETWORK_PROXY_UNSUPPORTED' })
  })

  it('fails clearly when the proxy cannot be determined (resolveProxy rejected)', async () => {
    answer = () => {
      throw new Error('the PAC script threw')
    }
    const response = await send()
    expect(response.error).toMatchObject({ code: 'NETWORK_PROXY_UNSUPPORTED', message: expect.stringContaining(new URL(zoom.url).host) })
  })

  it('no proxy error or log line carries the client secret or a token', () => {
    const needles = [SANDBOX_TOKEN_PREFIX, zoom.apps.s2s.clientSecret, zoom.apps.userOAuth.clientSecret]
    expect(errors.some((e) => e !== undefined)).toBe(true)
    expect(findCanaries(JSON.stringify(errors), needles)).toEqual([])
    expect(findCanaries(JSON.stringify(logs.records), needles)).toEqual([])
  })

  it('the default resolver answers DIRECT', async () => {
    expect(await directProxyResolver.resolve('https://api.zoom.us/v2/users/me')).toBe('DIRECT')
  })
})
