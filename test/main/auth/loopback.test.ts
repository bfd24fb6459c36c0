// The system-browser redirect listener (security.md §6.2 case 5) and the system-browser agent.
import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../common/errors'
import { crossFieldIssues, defaultProfileFields } from '../../../common/profile'
import { startLoopbackListener } from '../../../main/auth/loopback-listener'
import { systemBrowserAgent } from '../../../main/auth/user-agents'
import { unusedFixedPort } from '../../support/free-port'

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


const STATE = 'state-of-the-pending-flow'

async function listenerOnFreePort(path = '/cb') {
  const port = await unusedFixedPort()
  return { port, listener: await startLoopbackListener(`http://127.0.0.1:${port}${path}`, STATE) }
}

describe('loopback listener', () => {
  it("binds 127.0.0.1 only and accepts exactly one GET on the exact path and Host, carrying the flow's state", async () => {
    const { port, listener } = await listenerOnFreePort()
    expect(listener.address.address).toBe('127.0.0.1')
    expect((await get(port, `/other?code=x&state=${STATE}`)).status).toBe(404)
    expect((await get(port, `/cb/?code=x&state=${STATE}`)).status).toBe(404)
    expect((await get(port, `/cb?code=x&state=${STATE}`, 'evil.example:80')).status).toBe(404)
    expect((await get(port, `/cb?code=x&state=${STATE}`, `127.0.0.1:${port}`, 'POST')).status).toBe(404)
    const hit = await get(port, `/cb?code=abc&state=${STATE}`)
    expect(hit.status).toBe(200)
    expect(hit.headers['cache-control']).toBe('no-store')
    expect(hit.headers['referrer-policy']).toBe('no-referrer')
    expect(hit.body).toContain('You can close this tab')
    expect(await listener.callback).toBe(`http://127.0.0.1:${port}/cb?code=abc&state=${STATE}`)
    expect((await get(port, `/cb?code=again&state=${STATE}`)).status).toBe(404)
    await listener.close()
    await expect(get(port, '/cb')).rejects.toThrow()
  })

  it('a callback without the pending state is refused and the listener keeps waiting for the real one', async () => {
    const { port, listener } = await listenerOnFreePort()
    let settled = false
    void listener.callback.then(() => (settled = true))
    for (const query of ['code=forged', 'code=forged&state=guess', `code=forged&state=${STATE}x`, `code=x&state=${STATE}&state=${STATE}`, 'error=access_denied', 'error=access_denied&state=guess']) {
      const answer = await get(port, `/cb?${query}`)
      expect(answer.status, query).toBe(400)
      expect(answer.body).not.toContain('You can close this tab')
    }
    expect(settled).toBe(false)
    expect((await get(port, `/cb?error=access_denied&state=${STATE}`)).status).toBe(200)
    expect(await listener.callback).toBe(`http://127.0.0.1:${port}/cb?error=access_denied&state=${STATE}`)
    await listener.close()
  })

  it('refuses non-loopback, https and port-less redirect URIs, and a port in use', async () => {
    await expect(startLoopbackListener('http://example.com:8080/cb', STATE)).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(startLoopbackListener('https://127.0.0.1:8443/cb', STATE)).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(startLoopbackListener('http://127.0.0.1/cb', STATE)).rejects.toMatchObject({ code: 'VALIDATION' })
    const { port, listener } = await listenerOnFreePort()
    await expect(startLoopbackListener(`http://127.0.0.1:${port}/cb`, STATE)).rejects.toMatchObject({ code: 'NETWORK' })
    await listener.close()
  })

  it('refuses a localhost redirect for the system browser with a message naming 127.0.0.1, before listening', async () => {
    // RFC 8252 §8.3: the browser may resolve localhost to ::1 (or to whatever the hosts file says),
    // where another program can listen; an IP literal leaves no choice.
    const port = await unusedFixedPort()
    const refusal = await startLoopbackListener(`http://localhost:${port}/cb`, STATE).then(
      () => undefined,
      (error: unknown) => error,
    )
    expect(refusal).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining(`http://127.0.0.1:${port}/cb`) })
    expect((refusal as Error).message).toMatch(/localhost/)
    await expect(get(port, '/cb')).rejects.toThrow()

    const base = { ...defaultProfileFields('authorization_code'), name: 'n', clientId: 'c', authorizeWith: 'system-browser' as const }
    const issues = (redirectUri: string) => crossFieldIssues({ ...base, redirectUri }, { stored: true, provided: undefined }).filter((i) => i.path === 'fields.redirectUri')
    expect(issues(`http://localhost:${port}/cb`)).toEqual([{ path: 'fields.redirectUri', message: expect.stringContaining('127.0.0.1') }])
    expect(issues(`http://127.0.0.1:${port}/cb`)).toEqual([])
    expect(issues(`http://[::1]:${port}/cb`)).toEqual([])
    // The connect window catches the redirect before any request leaves: localhost is fine there.
    expect(crossFieldIssues({ ...base, authorizeWith: 'connect-window', redirectUri: 'http://localhost:8765/cb' }, { stored: true, provided: undefined })).toEqual([])
  })

  it('the system-browser agent closes the listener when the flow is cancelled', async () => {
    const port = await unusedFixedPort()
    const opened: string[] = []
    const controller = new AbortController()
    const agent = systemBrowserAgent({ open: async (url) => void opened.push(url) })
    const pending = agent.authorize({ profileId: 'p', profileName: 'P', url: 'http://127.0.0.1:1/authorize', redirectUri: `http://127.0.0.1:${port}/cb`, state: STATE, signal: controller.signal })
    await new Promise<void>((resolve) => {
      const wait = () => (opened.length > 0 ? resolve() : setImmediate(wait))
      wait()
    })
    controller.abort(new AppError('AUTH_FLOW_CANCELLED', 'cancelled'))
    await expect(pending).rejects.toMatchObject({ code: 'AUTH_FLOW_CANCELLED' })
    await expect(get(port, '/cb?code=late')).rejects.toThrow()
  })

  it('the system-browser agent resolves with the callback of its own flow, not with one planted before it', async () => {
    const port = await unusedFixedPort()
    const refused: number[] = []
    const agent = systemBrowserAgent({
      open: async () => {
        // Another local program races the browser to the callback URL.
        refused.push((await get(port, '/cb?code=planted&state=planted')).status)
        await get(port, `/cb?code=genuine&state=${STATE}`)
      },
    })
    const callback = await agent.authorize({ profileId: 'p', profileName: 'P', url: 'http://127.0.0.1:1/authorize', redirectUri: `http://127.0.0.1:${port}/cb`, state: STATE, signal: new AbortController().signal })
    expect(refused).toEqual([400])
    expect(callback).toBe(`http://127.0.0.1:${port}/cb?code=genuine&state=${STATE}`)
  })
})
