// A DownloadSource over plain node:http (what the Zoom client's stream() does, minus auth).
import { get } from 'node:http'
import type { DownloadResponse, DownloadSource, OpenOptions } from '../../../main/downloads/source'

export function httpGet(url: string, options: OpenOptions & { headers?: Record<string, string> }): Promise<DownloadResponse> {
  return new Promise((resolve, reject) => {
    const resume = options.start > 0 ? { range: `bytes=${options.start}-`, ...(options.ifRange !== undefined ? { 'if-range': options.ifRange } : {}) } : {}
    const headers = { ...options.headers, ...resume }
    const req = get(url, { signal: options.signal, headers }, (res) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res }))
    req.on('error', reject)
  })
}

export const httpDownloadSource = (): DownloadSource & { opened: number } => {
  const source = {
    opened: 0,
    open: (_profileId: string, url: string, options: OpenOptions) => {
      source.opened++
      return httpGet(url, options)
    },
  }
  return source
}
