// The system-browser redirect listener (security.md §6.2 case 5) and the system-browser agent.
import { request } from 'node:http'
import { createServer, type AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../common/errors'
import { startLoopbackListener } from '../../../main/auth/loopback-listener'
import { systemBrowserAgent } from '../../../main/auth/user-agents'

function get(port: number, path: string, host = `127.0.0.1:${port}`, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host } }, (res) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

async function listenerOnFreePort(path = '/cb') {
  // A redirect URI names its port, so ask the OS for a free one first.
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return { port, listener: await startLoopbackListener(`http://127.0.0.1:${port}${path}`) }
}

describe('loopback listener', () => {
  it('binds 127.0.0.1 only and accepts exactly one GET on the exact path and Host', async () => {
    const { port, listener } = await listenerOnFreePort()
    expect(listener.address.address).toBe('127.0.0.1')
    expect((await get(port, '/other?code=x')).status).toBe(404)
    expect((await get(port, '/cb/?code=x')).status).toBe(404)
    expect((await get(port, '/cb?code=x', 'evil.example:80')).status).toBe(404)
    expect((await get(port, '/cb?code=x', `127.0.0.1:${port}`, 'POST')).status).toBe(404)
    const hit = await get(port, '/cb?code=abc&state=s')
    expect(hit.status).toBe(200)
    expect(hit.headers['cache-control']).toBe('no-store')
    expect(hit.headers['referrer-policy']).toBe('no-referrer')
    expect(hit.body).toContain('You can close this tab')
    expect(await listener.callback).toBe(`http://127.0.0.1:${port}/cb?code=abc&state=s`)
    expect((await get(port, '/cb?code=again&state=s')).status).toBe(404)
    await listener.close()
    await expect(get(port, '/cb')).rejects.toThrow()
  })

  it('refuses non-loopback, https and port-less redirect URIs, and a port in use', async () => {
    await expect(startLoopbackListener('http://example.com:8080/cb')).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(startLoopbackListener('https://127.0.0.1:8443/cb')).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(startLoopbackListener('http://127.0.0.1/cb')).rejects.toMatchObject({ code: 'VALIDATION' })
    const { port, listener } = await listenerOnFreePort()
    await expect(startLoopbackListener(`http://127.0.0.1:${port}/cb`)).rejects.toMatchObject({ code: 'NETWORK' })
    await listener.close()
  })

  it('the system-browser agent closes the listener when the flow is cancelled', async () => {
    const { port, listener } = await listenerOnFreePort()
    await listener.close()
    const opened: string[] = []
    const controller = new AbortController()
    const agent = systemBrowserAgent({ open: async (url) => void opened.push(url) })
    const pending = agent.authorize({ profileId: 'p', profileName: 'P', url: 'http://127.0.0.1:1/authorize', redirectUri: `http://127.0.0.1:${port}/cb`, signal: controller.signal })
    await new Promise<void>((resolve) => {
      const wait = () => (opened.length > 0 ? resolve() : setImmediate(wait))
      wait()
    })
    controller.abort(new AppError('AUTH_FLOW_CANCELLED', 'cancelled'))
    await expect(pending).rejects.toMatchObject({ code: 'AUTH_FLOW_CANCELLED' })
    await expect(get(port, '/cb?code=late')).rejects.toThrow()
  })
})
