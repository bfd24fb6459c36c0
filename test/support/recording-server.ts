// A loopback server that records what reaches it: every TCP connection (so a test can prove a host
// was never even connected to) and every request's URL and headers (so it can see where a token went).
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Answer {
  status: number
  headers: Record<string, string>
  body?: string
}

export interface RecordingServer {
  /** http://127.0.0.1:port, no trailing slash. */
  url: string
  port: number
  connections: number
  /** `at`: when the request's head was read (epoch ms). */
  requests: { url: string; headers: IncomingHttpHeaders; at: number }[]
  /** Forgets the connections and requests seen so far. */
  reset(): void
  close(): Promise<void>
}

/** Starts the server on 127.0.0.1 port 0; `answer` gives each request's reply from its URL. */
export async function recordingServer(answer: (url: string) => Answer): Promise<RecordingServer> {
  const server = createServer((req, res) => {
    recorder.requests.push({ url: req.url ?? '', headers: req.headers, at: Date.now() })
    const { status, headers, body = '' } = answer(req.url ?? '')
    res.writeHead(status, headers)
    res.end(body)
  })
  server.on('connection', () => recorder.connections++)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  const recorder: RecordingServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    connections: 0,
    requests: [],
    reset() {
      recorder.connections = 0
      recorder.requests.length = 0
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
  return recorder
}
