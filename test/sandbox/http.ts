// Small HTTP helpers shared by every sandbox route.
import type { IncomingMessage, ServerResponse } from 'node:http'

let trackingCounter = 0
const trackingPrefix = `v=2.0;clid=us06;rid=WEB_${process.pid.toString(16)}`

/** Zoom puts `x-zm-trackingid` on every response; clients surface it in errors. */
export function nextTrackingId(): string {
  trackingCounter = (trackingCounter + 1) >>> 0
  return `${trackingPrefix}${trackingCounter.toString(16).padStart(8, '0')}`
}

export type Headers = Record<string, string | number>

/**
 * How a response leaves: not before `releaseAt` (performance.now() ms; latency overlaps the
 * server's own work, as on a real network), and possibly cut in half or stalled (faults).
 */
export interface Shaping {
  releaseAt?: number
  body?: 'truncate' | 'stall'
}

const shaping = new WeakMap<ServerResponse, Shaping>()

/** Adds to the response's shaping (latency and body faults combine). */
export function shapeResponse(res: ServerResponse, shape: Shaping): void {
  shaping.set(res, { ...shaping.get(res), ...shape })
}

/** The body fault set on this response, if any (streaming routes apply it themselves). */
export function bodyFaultOf(res: ServerResponse): Shaping['body'] {
  return shaping.get(res)?.body
}

/** Runs `write` now, or once the response's latency has elapsed. */
export function deliver(res: ServerResponse, write: () => void): void {
  const releaseAt = shaping.get(res)?.releaseAt
  const wait = releaseAt === undefined ? 0 : releaseAt - performance.now()
  if (wait <= 0) write()
  else setTimeout(write, wait)
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers?: Headers): void {
  sendRaw(res, status, JSON.stringify(body), 'application/json;charset=UTF-8', headers)
}

/** Sends a pre-serialised body: text, or UTF-8 pieces written one after the other. */
export function sendRaw(res: ServerResponse, status: number, body: string | readonly Buffer[], contentType: string, headers?: Headers): void {
  deliver(res, () => {
    if (res.headersSent || res.destroyed) return
    res.statusCode = status
    res.setHeader('content-type', contentType)
    if (headers !== undefined) for (const name in headers) res.setHeader(name, headers[name] as string | number)
    const mode = shaping.get(res)?.body
    if (mode === undefined) {
      if (typeof body === 'string') {
        res.setHeader('content-length', Buffer.byteLength(body))
        res.end(body)
      } else {
        let length = 0
        for (const piece of body) length += piece.length
        res.setHeader('content-length', length)
        for (let k = 0; k < body.length - 1; k++) res.write(body[k])
        res.end(body[body.length - 1])
      }
      return
    }
    const bytes = typeof body === 'string' ? Buffer.from(body) : Buffer.concat(body)
    const half = bytes.subarray(0, Math.floor(bytes.length / 2))
    if (mode === 'truncate') {
      // A complete HTTP message whose JSON is cut short: clients see an unparseable body.
      res.setHeader('content-length', half.length)
      res.end(half)
    } else {
      // Promise the whole body, send half, then hang until the client gives up or we close.
      res.setHeader('content-length', bytes.length)
      res.write(half)
    }
  })
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers?: Headers): void {
  sendRaw(res, status, html, 'text/html;charset=utf-8', { 'cache-control': 'no-store', ...headers })
}

export function redirect(res: ServerResponse, location: string, headers?: Headers, status = 302): void {
  deliver(res, () => {
    if (res.headersSent || res.destroyed) return
    res.statusCode = status
    res.setHeader('location', location)
    res.setHeader('cache-control', 'no-store')
    res.setHeader('content-length', 0)
    if (headers !== undefined) for (const name in headers) res.setHeader(name, headers[name] as string | number)
    res.end()
  })
}

const MAX_BODY_BYTES = 64 * 1024

/** Reads a small request body; rejects anything over 64 KB (nothing the sandbox accepts is larger). */
/**
 * `answerTooLarge`: a body over the limit is read to its end and dropped, so the caller can still
 * answer (the REST API answers with Zoom's error); otherwise the connection is cut.
 */
export function readBody(req: IncomingMessage, options: { answerTooLarge?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'))
        if (!options.answerTooLarge) req.destroy()
        chunks.length = 0
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** Splits `/path?query` without building a URL object (cheaper on the hot path). */
export function splitUrl(rawUrl: string): { path: string; query: URLSearchParams } {
  const q = rawUrl.indexOf('?')
  if (q < 0) return { path: rawUrl, query: new URLSearchParams() }
  return { path: rawUrl.slice(0, q), query: new URLSearchParams(rawUrl.slice(q + 1)) }
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>()
  if (header === undefined) return cookies
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()))
  }
  return cookies
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
