// A loopback file server with deterministic bytes, Range support and scripted failures (reset or
// stall after n bytes, wrong size, 404), recording every request's Range and If-Range headers.
//
// Where its Range behaviour comes from: Zoom documents download_url only as a URL to GET
// (reference/zoom-api.md, Zoom's OpenAPI files), nothing of Range or of which validators its
// responses carry, so this answers as an HTTP file server does under RFC 9110:
// - `Range: bytes=n-` gives 206 with `Content-Range: bytes n-last/size` (§14.2, §15.3.7), and 416
//   with `bytes */size` when n is past the end (§15.5.17);
// - a file may send validators (§8.8): an ETag (W/ for weak) and a Last-Modified, with a Date
//   (Node's own, or the plan's); a 206 carries them as a 200 would (§15.3.7);
// - If-Range (§13.1.5) is evaluated only with a Range: an entity tag holds when it equals the
//   file's ETag by strong comparison (a weak tag on either side never does); a date holds when it
//   equals the file's Last-Modified exactly and that date is strong, i.e. at least a second before
//   the server's now (§8.8.2.2). When it does not hold the Range is ignored: 200, the whole file.
// `ignoresIfRange` plays a server (or a proxy in between) that does not implement If-Range.
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
  /** The version of the file: change it to play a recording processed again (other bytes). */
  revision?: number
  /** Sent as ETag, as written (`"v1"`, or `W/"v1"` for a weak one). */
  etag?: string
  /** Sent as Last-Modified (an IMF-fixdate). */
  lastModified?: string
  /** Sent as Date, and the server's now for If-Range (default: the real time). */
  date?: string
  /** Honours Range but pays no attention to If-Range (not RFC 9110's behaviour). */
  ignoresIfRange?: boolean
}

export interface SeenRequest {
  name: string
  range: string | undefined
  ifRange: string | undefined
  authorization: string | undefined
  /** The status the server answered with. */
  status?: number
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

/** The bytes of `name` at one revision (0 and undefined: the file as first served). */
export const revisionBytes = (name: string, size: number, revision: number | undefined): Buffer => expectedBytes(revision ? `${name}@${revision}` : name, size)

/** RFC 9110 §13.1.5: whether a Range sent with this If-Range is to be honoured. */
function ifRangeHolds(value: string | undefined, plan: FilePlan): boolean {
  if (value === undefined || plan.ignoresIfRange) return true
  // An entity tag starts with `"` or `W/"`; anything else is a date (two characters tell them apart).
  if (value.startsWith('"') || value.startsWith('W/')) return plan.etag !== undefined && !plan.etag.startsWith('W/') && value === plan.etag
  const now = plan.date === undefined ? Date.now() : Date.parse(plan.date)
  return plan.lastModified !== undefined && value === plan.lastModified && now - Date.parse(plan.lastModified) >= 1000
}

export async function startFileServer() {
  const files = new Map<string, FilePlan>()
  const seen: SeenRequest[] = []
  const sockets = new Set<Socket>()
  let inFlight = 0
  let maxInFlight = 0
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const name = decodeURIComponent((req.url ?? '').replace(/^\/file\//, '').split('?')[0] ?? '')
    const sentIfRange = req.headers['if-range']
    const ifRange = Array.isArray(sentIfRange) ? sentIfRange[0] : sentIfRange
    const request: SeenRequest = { name, range: req.headers.range, ifRange, authorization: req.headers.authorization }
    seen.push(request)
    const plan = files.get(name)
    if (!plan || plan.status) {
      request.status = plan?.status ?? 404
      res.writeHead(request.status, { 'content-type': 'application/json' }).end('{"code":404,"message":"File not found."}')
      return
    }
    const total = plan.actualSize ?? plan.size
    const match = ifRangeHolds(ifRange, plan) ? /^bytes=(\d+)-$/.exec(req.headers.range ?? '') : null
    const start = match ? Number(match[1]) : 0
    if (start >= total && match) {
      request.status = 416
      res.writeHead(416, { 'content-range': `bytes */${total}` }).end()
      return
    }
    const body = revisionBytes(name, total, plan.revision).subarray(start)
    request.status = match ? 206 : 200
    res.writeHead(request.status, {
      'content-type': 'application/octet-stream',
      'content-length': String(body.length),
      ...(match ? { 'content-range': `bytes ${start}-${total - 1}/${total}` } : {}),
      ...(plan.etag !== undefined ? { etag: plan.etag } : {}),
      ...(plan.lastModified !== undefined ? { 'last-modified': plan.lastModified } : {}),
      ...(plan.date !== undefined ? { date: plan.date } : {}),
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
