// A loopback HTTP CONNECT proxy for tests of main's proxy routing: it tunnels to loopback targets
// only, records each tunnel's target and the request lines that went through it (the tunnelled
// traffic to the plain-http sandbox is readable), and can refuse as corporate proxies do:
// 407 (sign-in required) or 403 (policy). Binds 127.0.0.1 port 0; close() ends every socket.
import { createServer, type IncomingMessage } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'

export interface ConnectProxy {
  /** `127.0.0.1:PORT`, as Chromium's resolveProxy would name it after `PROXY `. */
  readonly hostPort: string
  /** host:port of every CONNECT received, in order. */
  readonly tunnels: string[]
  /** "METHOD /path" of every HTTP request seen inside the tunnels. */
  readonly requests: string[]
  /** How the next CONNECTs are answered. */
  mode: 'tunnel' | 407 | 403
  close(): Promise<void>
}

const LOOPBACK_TARGET = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\]):\d+$/

export async function startConnectProxy(): Promise<ConnectProxy> {
  const tunnels: string[] = []
  const requests: string[] = []
  const sockets = new Set<Socket>()
  const server = createServer((_req, res) => {
    // Plain proxy requests (GET http://…) are not what main sends: it always tunnels.
    res.writeHead(405).end()
  })
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  const proxy: ConnectProxy = {
    hostPort: '',
    tunnels,
    requests,
    mode: 'tunnel',
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const target = req.url ?? ''
    tunnels.push(target)
    if (proxy.mode !== 'tunnel' || !LOOPBACK_TARGET.test(target)) {
      const status = proxy.mode === 407 ? '407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"' : '403 Forbidden'
      client.end(`HTTP/1.1 ${status}\r\nContent-Length: 0\r\n\r\n`)
      return
    }
    const [host, port] = [target.slice(0, target.lastIndexOf(':')).replace(/^\[|\]$/g, ''), Number(target.slice(target.lastIndexOf(':') + 1))]
    const upstream = connect(port, host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      client.pipe(upstream)
      upstream.pipe(client)
    })
    sockets.add(upstream)
    upstream.on('close', () => sockets.delete(upstream))
    client.on('data', (chunk: Buffer) => {
      for (const match of chunk.toString('latin1').matchAll(/^(GET|POST|PUT|PATCH|DELETE|HEAD) (\S+) HTTP\/1\.1\r$/gm)) requests.push(`${match[1]} ${(match[2] ?? '').split('?')[0]}`)
    })
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  ;(proxy as { hostPort: string }).hostPort = `127.0.0.1:${(server.address() as AddressInfo).port}`
  return proxy
}
