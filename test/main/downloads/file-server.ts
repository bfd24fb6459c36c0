// A loopback file server with deterministic bytes, Range support and scripted failures (reset or
// stall after n bytes, wrong size, 404), recording every request's Range header.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export interface FilePlan {
  size: number
  /** Bytes the server really has (default `size`): a mismatch with Zoom's file_size. */
  actualSize?: number
  /** The next `times` requests send this many bytes, then drop the connection mid-body. */
  resetAfter?: { bytes: number; times: number }
  /** The next `times` requests send this many bytes, then go silent. */
  stallAfter?: { bytes: number; times: number }
  status?: number
}

export interface SeenRequest {
  name: string
  range: string | undefined
  authorization: string | undefined
}

export function byteAt(name: string, index: number): number {
  let seed = 0
  for (const ch of name) seed = (seed * 31 + ch.charCodeAt(0)) & 0xffff
  return (index * 131 + seed + (index >> 8)) & 0xff
}

export function expectedBytes(name: string, size: number): Buffer {
  const out = Buffer.alloc(size)
  for (let i = 0; i < size; i++) out[i] = byteAt(name, i)
  return out
}

export async function startFileServer() {
  const files = new Map<string, FilePlan>()
  const seen: SeenRequest[] = []
  const sockets = new Set<Socket>()
  let inFlight = 0
  let maxInFlight = 0
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const name = decodeURIComponent((req.url ?? '').replace(/^\/file\//, '').split('?')[0] ?? '')
    seen.push({ name, range: req.headers.range, authorization: req.headers.authorization })
    const plan = files.get(name)
    if (!plan || plan.status) {
      res.writeHead(plan?.status ?? 404, { 'content-type': 'application/json' }).end('{"code":404,"message":"File not found."}')
      return
    }
    const total = plan.actualSize ?? plan.size
    const match = /^bytes=(\d+)-$/.exec(req.headers.range ?? '')
    const start = match ? Number(match[1]) : 0
    if (start >= total && match) {
      res.writeHead(416, { 'content-range': `bytes */${total}` }).end()
      return
    }
    const body = expectedBytes(name, total).subarray(start)
    res.writeHead(match ? 206 : 200, {
      'content-type': 'application/octet-stream',
      'content-length': String(body.length),
      ...(match ? { 'content-range': `bytes ${start}-${total - 1}/${total}` } : {}),
    })
    inFlight++
    maxInFlight = Math.max(maxInFlight, inFlight)
    res.on('close', () => inFlight--)
    if (plan.resetAfter && plan.resetAfter.times > 0) {
      plan.resetAfter.times--
      res.write(body.subarray(0, plan.resetAfter.bytes), () => req.socket.destroy())
      return
    }
    if (plan.stallAfter && plan.stallAfter.times > 0) {
      plan.stallAfter.times--
      res.write(body.subarray(0, plan.stallAfter.bytes))
      return
    }
    res.end(body)
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    files,
    seen,
    url: (name: string) => `http://127.0.0.1:${port}/file/${encodeURIComponent(name)}`,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
