// Main's HTTP goes where Chromium's would: through the proxy that the system settings or a PAC
// script give for the URL (session.resolveProxy, behind the ProxyResolver port). Every got request
// main makes (token endpoint, validation, Zoom API, console, downloads) gets its agent from
// proxyHook, a got beforeRequest hook, so each URL, redirect and retry is resolved anew.
import type { Agent as HttpAgent, AgentOptions } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Agents, BeforeRequestHook } from 'got'
import { HttpProxyAgent, HttpsProxyAgent } from 'hpagent'
import { AppError } from '../../common/errors'
import type { ProxyResolver } from '../ports'

export type ProxyChoice = { kind: 'direct' } | { kind: 'proxy'; url: URL }

/**
 * The first usable entry of Chromium's answer, a PAC result list such as
 * `PROXY proxy.corp:8080; SOCKS5 socks.corp:1080; DIRECT` (Chromium's ProxyList::ToPacString):
 * `DIRECT`; `PROXY host[:port]` (plain HTTP proxy, tunnelled with CONNECT); `HTTPS host[:port]`
 * (the same over TLS to the proxy). SOCKS and QUIC entries are skipped: got cannot speak them
 * without another agent, and going DIRECT instead could bypass a proxy the network requires, so
 * when nothing usable is left the request fails with NETWORK_PROXY_UNSUPPORTED and says why.
 */
export function chooseProxy(pacResult: string): ProxyChoice {
  const entries = pacResult
    .split(';')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
  if (entries.length === 0) return { kind: 'direct' }
  const skipped: string[] = []
  for (const entry of entries) {
    const [scheme = '', hostPort, ...rest] = entry.split(/\s+/)
    const kind = scheme.toUpperCase()
    if (kind === 'DIRECT' && hostPort === undefined) return { kind: 'direct' }
    if ((kind === 'PROXY' || kind === 'HTTPS') && hostPort !== undefined && rest.length === 0) {
      const url = proxyUrl(kind === 'PROXY' ? 'http:' : 'https:', hostPort)
      if (url) return { kind: 'proxy', url }
    }
    skipped.push(kind || entry)
  }
  throw new AppError('NETWORK_PROXY_UNSUPPORTED', `The system proxy settings offer only proxies Zoom Connect cannot use (${[...new Set(skipped)].join(', ')}); it supports HTTP and HTTPS proxies, not SOCKS.`)
}

function proxyUrl(protocol: 'http:' | 'https:', hostPort: string): URL | undefined {
  const text = `${protocol}//${hostPort}`
  if (!URL.canParse(text)) return undefined
  const url = new URL(text)
  const plain = url.hostname !== '' && url.username === '' && url.password === '' && url.pathname === '/' && url.search === '' && url.hash === ''
  return plain ? url : undefined
}

const where = (proxy: URL) => proxy.host

/** The typed error for a proxy that would not open the tunnel (407, 403, …) or could not be reached. */
export function proxyRefused(proxy: URL, target: string, cause: unknown): AppError {
  const message = cause instanceof Error ? cause.message : String(cause)
  const status = /Bad response: (\d{3})/.exec(message)?.[1]
  const code = (cause as { code?: unknown } | null)?.code
  const why =
    status === '407'
      ? 'asks for a sign-in (HTTP 407), which Zoom Connect cannot give'
      : status !== undefined
        ? `refused it (HTTP ${status})`
        : `could not be reached${typeof code === 'string' ? ` (${code})` : ''}`
  return new AppError('NETWORK_PROXY_REFUSED', `The proxy ${where(proxy)} ${why}: no connection to ${target}.`, status ? { httpStatus: Number(status) } : undefined)
}

type ConnectionCallback = (error: Error | null, socket?: Duplex | null) => void
type CreateConnection = (options: { host?: string | null; port?: number | string | null }, callback: ConnectionCallback) => void

/** hpagent's agents, with the tunnel's failure turned into NETWORK_PROXY_REFUSED (got keeps it as the error's cause). */
function withTypedRefusal<T extends HttpAgent>(agent: T, proxy: URL): T {
  const inner = (agent as unknown as { createConnection: CreateConnection }).createConnection.bind(agent)
  ;(agent as unknown as { createConnection: CreateConnection }).createConnection = (options, callback) =>
    inner(options, (error, socket) => callback(error ? proxyRefused(proxy, `${options.host ?? '?'}:${options.port ?? ''}`, error) : null, socket))
  return agent
}

const AGENT_OPTIONS: AgentOptions = { keepAlive: true, maxSockets: 64, maxFreeSockets: 16 }
const MAX_PROXIES = 8

/** One pair of keep-alive agents per proxy; a PAC script names few proxies, and old ones are closed. */
export class ProxyAgents {
  private readonly byProxy = new Map<string, Agents>()

  for(proxy: URL): Agents {
    const key = proxy.href
    const existing = this.byProxy.get(key)
    if (existing) return existing
    const agents: Agents = {
      http: withTypedRefusal(new HttpProxyAgent({ ...AGENT_OPTIONS, proxy }), proxy),
      https: withTypedRefusal(new HttpsProxyAgent({ ...AGENT_OPTIONS, proxy }), proxy),
    }
    this.byProxy.set(key, agents)
    if (this.byProxy.size > MAX_PROXIES) {
      const [oldest] = this.byProxy.keys()
      if (oldest !== undefined) this.drop(oldest)
    }
    return agents
  }

  destroy(): void {
    for (const key of [...this.byProxy.keys()]) this.drop(key)
  }

  private drop(key: string): void {
    const agents = this.byProxy.get(key)
    this.byProxy.delete(key)
    if (agents?.http) agents.http.destroy()
    if (agents?.https) agents.https.destroy()
  }
}

/** Answers DIRECT for every URL: tests, benchmarks, and any build without a session to ask. */
export const directProxyResolver: ProxyResolver = { resolve: async () => 'DIRECT' }

/**
 * The got hook that sends a request through the proxy resolved for its URL. Put it last in
 * beforeRequest, after the hooks that may refuse the URL, so nothing is resolved for a request
 * that will not be sent.
 */
export function proxyHook(resolver: ProxyResolver, agents = new ProxyAgents()): BeforeRequestHook {
  const agentsFor = proxyAgentsFor(resolver, agents)
  return async (options) => {
    options.agent = (await agentsFor(String(options.url))) ?? {}
  }
}

/**
 * The agents for one URL, from the proxy resolved for it; undefined for DIRECT. A WebSocket URL
 * is resolved as the http(s) URL of the same host, which is how Chromium picks a proxy for it.
 */
export function proxyAgentsFor(resolver: ProxyResolver, agents: ProxyAgents): (target: string) => Promise<Agents | undefined> {
  return async (target) => {
    const url = new URL(target)
    url.username = ''
    url.password = ''
    url.hash = ''
    url.search = ''
    if (url.protocol === 'wss:') url.protocol = 'https:'
    else if (url.protocol === 'ws:') url.protocol = 'http:'
    let answer: string
    try {
      answer = await resolver.resolve(url.href)
    } catch {
      throw new AppError('NETWORK_PROXY_UNSUPPORTED', `The proxy for ${url.host} could not be determined from the system settings.`)
    }
    const choice = chooseProxy(answer)
    return choice.kind === 'direct' ? undefined : agents.for(choice.url)
  }
}

/** got options for a one-off request (token endpoint, validation): the proxy hook, or nothing (DIRECT) without one. */
export function proxyOptions(hook: BeforeRequestHook | undefined): { hooks?: { beforeRequest: BeforeRequestHook[] } } {
  return hook ? { hooks: { beforeRequest: [hook] } } : {}
}
