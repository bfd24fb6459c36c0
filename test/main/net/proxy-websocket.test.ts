// The event socket goes through the system proxy like the rest of main's network, and its URL's
// access token never reaches the proxy resolver (a PAC script sees what resolveProxy is given).
import { describe, expect, it } from 'vitest'
import { createWsFactory } from '../../../main/events/ws-factory'
import { ProxyAgents, proxyAgentsFor } from '../../../main/net/proxy'

function recordingResolver(answer: string) {
  const asked: string[] = []
  return { asked, resolver: { resolve: async (url: string) => (asked.push(url), answer) } }
}

describe('proxy agents for a WebSocket URL', () => {
  it('asks for the https URL of the socket host, without its query (the token), and gets the proxy agents', async () => {
    const { asked, resolver } = recordingResolver('PROXY 127.0.0.1:3128; DIRECT')
    const agents = new ProxyAgents()
    try {
      const chosen = await proxyAgentsFor(resolver, agents)('wss://ws.zoom.us/ws?subscriptionId=abc&access_token=CANARY-TOKEN-123')
      expect(asked).toEqual(['https://ws.zoom.us/ws'])
      expect(chosen?.https).toBeDefined()
      expect(chosen?.http).toBeDefined()
    } finally {
      agents.destroy()
    }
  })

  it('goes direct when the system says DIRECT, and refuses a SOCKS-only answer with a typed error', async () => {
    const agents = new ProxyAgents()
    expect(await proxyAgentsFor(recordingResolver('DIRECT').resolver, agents)('ws://127.0.0.1:9/ws?access_token=x')).toBeUndefined()
    await expect(proxyAgentsFor(recordingResolver('SOCKS5 127.0.0.1:1080').resolver, agents)('wss://ws.zoom.us/ws')).rejects.toMatchObject({ code: 'NETWORK_PROXY_UNSUPPORTED' })
    agents.destroy()
  })
})

describe('the event socket factory', () => {
  it('reports a URL ws cannot use as a code, never as a thrown message quoting the URL and its token', async () => {
    const errors: string[] = []
    const handlers = { open: () => {}, message: () => {}, rejected: () => {}, close: () => {}, error: (code: string) => errors.push(code) }
    createWsFactory()('ftp://ws.zoom.us/ws?access_token=CANARY-TOKEN-456', handlers)
    createWsFactory({ agentFor: async () => undefined })('ftp://ws.zoom.us/ws?access_token=CANARY-TOKEN-456', handlers)
    await expect.poll(() => errors.length).toBe(2)
    expect(errors.join(' ')).not.toContain('CANARY')
  })
})
