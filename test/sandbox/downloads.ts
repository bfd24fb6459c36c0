// Recording downloads: GET /rec/download/{fileId} serves `file_size` deterministic bytes, with
// Range support (206 + Content-Range, 416 when unsatisfiable). Needs a bearer token (header, or
// the access_token query parameter Zoom still accepts on download URLs) with a recording scope.
//
// Where the Range behaviour comes from: Zoom's OpenAPI files describe `download_url` only as a
// URL to GET and say nothing of Range; a recording is a plain file behind it, so this route answers
// as HTTP file servers do under RFC 9110 §14 (a single `bytes=a-b` range: 206 with Content-Range
// `bytes a-b/size` and `Accept-Ranges: bytes`; a range past the end: 416 with `bytes */size`).
// A server that ignored Range would answer 200 with the whole file; the app's transfer.ts then
// starts that file again from zero, so the app never depends on Range being honoured.
// Its responses carry no validator (no ETag, no Last-Modified: nothing says Zoom's do), so an
// If-Range can match nothing here and the Range it comes with is ignored (RFC 9110 §13.1.5): 200.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { checkScopes } from './api/access'
import { operationById } from './api/catalog'
import { Errors, zoomError, type ApiResponse } from './api/responses'
import type { SandboxData } from './data/sandbox-data'
import { fileBytes, type RecordingFile } from './data/recordings'
import { bodyFaultOf, deliver, sendRaw } from './http'
import type { GrantStore } from './oauth/grants'
import type { StatsRecorder } from './stats'

const CHUNK = 64 * 1024
const recordingsOp = operationById('recordingsList')

type Range = { start: number; end: number } | 'unsatisfiable' | undefined

/** Parses a single `bytes=` range (the only form download clients send). */
export function parseRange(header: string | undefined, size: number): Range {
  if (header === undefined) return undefined
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (match === null) return undefined
  const [, a, b] = match as unknown as [string, string, string]
  if (a === '' && b === '') return undefined
  if (a === '') {
    const length = Math.min(Number(b), size)
    return length === 0 ? 'unsatisfiable' : { start: size - length, end: size - 1 }
  }
  const start = Number(a)
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1)
  if (start >= size || end < start) return 'unsatisfiable'
  return { start, end }
}

export function createDownloads(deps: { data: SandboxData; grants: GrantStore; stats: StatsRecorder; seed: number }) {
  const fail = (res: ServerResponse, response: ApiResponse): void => {
    deps.stats.download(response.status)
    sendRaw(res, response.status, response.json, 'application/json;charset=UTF-8')
  }

  return async function handleDownload(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
    const match = /^\/rec\/(download|play)\/([A-Za-z0-9_-]+)$/.exec(path)
    if (match === null || req.method !== 'GET') return fail(res, zoomError(404, 3301, 'This recording does not exist.'))
    const header = req.headers.authorization
    const token = header !== undefined && /^bearer /i.test(header) ? header.slice(7).trim() : query.get('access_token')
    const auth = token === null ? undefined : deps.grants.authenticate(token)
    if (auth === undefined || !auth.ok) return fail(res, auth !== undefined && !auth.ok && auth.expired ? Errors.expiredToken() : Errors.invalidToken())
    const file = deps.data.recordings.file(match[2]!)
    const denied = checkScopes(recordingsOp, auth.record, file !== undefined && file.u === auth.record.userIndex)
    if (denied !== undefined) return fail(res, denied)
    if (file === undefined) return fail(res, zoomError(404, 3301, 'This recording does not exist.'))
    if (match[1] === 'play') {
      deps.stats.download(200)
      sendRaw(res, 200, `<!doctype html><html lang="en"><title>Recording</title><h1>Recording ${file.id}</h1></html>`, 'text/html;charset=utf-8')
      return
    }
    serveBytes(req, res, file, deps)
  }
}

function serveBytes(req: IncomingMessage, res: ServerResponse, file: RecordingFile, deps: { stats: StatsRecorder; seed: number }): void {
  const size = file.size
  // An If-Range names a validator this route never gave: the condition is false, the Range ignored.
  const range = req.headers['if-range'] === undefined ? parseRange(req.headers.range, size) : undefined
  if (range === 'unsatisfiable') {
    deps.stats.download(416)
    sendRaw(res, 416, '', 'text/plain', { 'content-range': `bytes */${size}` })
    return
  }
  const start = range?.start ?? 0
  const end = range?.end ?? size - 1
  const status = range === undefined ? 200 : 206
  deps.stats.download(status)
  deliver(res, () => {
    if (res.destroyed) return
    res.statusCode = status
    res.setHeader('content-type', file.kind.contentType)
    res.setHeader('content-length', end - start + 1)
    res.setHeader('accept-ranges', 'bytes')
    res.setHeader('content-disposition', `attachment; filename="${file.id}.${file.kind.file_extension.toLowerCase()}"`)
    if (status === 206) res.setHeader('content-range', `bytes ${start}-${end}/${size}`)
    const fault = bodyFaultOf(res)
    // Faults cut the body half-way: 'truncate' drops the connection, 'stall' just stops.
    const stopAt = fault === undefined ? end + 1 : start + Math.floor((end + 1 - start) / 2)
    let position = start
    const pump = (): void => {
      while (position < stopAt && !res.destroyed) {
        const chunk = Buffer.allocUnsafe(Math.min(CHUNK, stopAt - position))
        fileBytes(deps.seed, file, position, chunk)
        position += chunk.length
        if (!res.write(chunk)) {
          res.once('drain', pump)
          return
        }
      }
      if (res.destroyed) return
      if (fault === undefined) res.end()
      else if (fault === 'truncate') res.destroy()
    }
    pump()
  })
}
