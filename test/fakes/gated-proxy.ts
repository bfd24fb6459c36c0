// A loopback HTTP proxy in front of the sandbox (or any loopback server) that can hold requests:
// a test learns that a request arrived, acts (delete, disconnect, cancel…), then lets it through.
// It also gives the sandbox a second loopback origin (another host:port), e.g. an `api_url` or
// an OAuth base other than the sandbox's own.
//
//   const proxy = await startGatedProxy()       // before the sandbox, so its URL can be an option
//   proxy.target = sandbox.url
//   const gate = proxy.hold('/oauth/token')     // the next matching request waits
//   await gate.arrived; …; gate.release()
//   await proxy.close()
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Gate {
  /** Resolves when a matching request reached the proxy (and is being held). */
  readonly arrived: Promise<void>
  /** Forwards the held request. */
  release(): void
}

export interface GatedProxy {
  readonly url: string
  /** Where requests are forwarded (an http://127.0.0.1:PORT origin). */
  target: string | undefined
  /** Paths (without query) of every request received, in order. */
  readonly seen: string[]
  /** What every request carried that could be a credential: its Authorization header and body. */
  readonly received: { path: string; authorization: string | undefined; body: string }[]
  /** Holds the next request whose path starts with `pathPrefix`. */
  hold(pathPrefix: string): Gate
  close(): Promise<void>
}

interface PendingGate {
  pathPrefix: string
  arrived: () => void
  released: Promise<void>
}

export async function startGatedProxy(): Promise<GatedProxy> {
  const gates: PendingGate[] = []
  const seen: string[] = []
  const received: GatedProxy['received'] = []
  let target: string | undefined

  const forward = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    seen.push(path)
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    received.push({ path, authorization: req.headers.authorization, body: Buffer.concat(chunks).toString('utf8') })
    const index = gates.findIndex((g) => path.startsWith(g.pathPrefix))
    const gate = index >= 0 ? gates.splice(index, 1)[0] : undefined
    if (gate) {
      gate.arrived()
      await gate.released
    }
    if (!target) {
      res.writeHead(502).end('no target')
      return
    }
    const to = new URL(target)
    const upstream = request({ host: to.hostname, port: to.port, method: req.method, path: req.url, headers: { ...req.headers, host: to.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    upstream.on('error', () => res.destroy())
    upstream.end(Buffer.concat(chunks))
  }

  const server = createServer((req, res) => void forward(req, res).catch(() => res.destroy()))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    get target() {
      return target
    },
    set target(value) {
      target = value
    },
    seen,
    received,
    hold(pathPrefix) {
      let arrived: () => void = () => undefined
      let release: () => void = () => undefined
      const arrival = new Promise<void>((resolve) => (arrived = resolve))
      gates.push({ pathPrefix, arrived: () => arrived(), released: new Promise<void>((resolve) => (release = resolve)) })
      return { arrived: arrival, release: () => release() }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const gate of gates.splice(0)) gate.arrived()
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
