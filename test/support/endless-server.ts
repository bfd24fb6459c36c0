// A loopback server whose answer never ends, for tests that a client reading a body into memory
// drops it at its cap instead of reading forever. It writes only as fast as the client reads
// (on 'drain'), so the test's own memory stays small; closing it ends the open answers.
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface EndlessServer {
  /** http://127.0.0.1:port, no trailing slash. */
  url: string
  /** host:port, for allow-lists. */
  host: string
  close(): Promise<void>
}

export interface EndlessOptions {
  /** Written once before the endless part (e.g. `{"users":[`). */
  head?: string
  /** Repeated for as long as the client reads. */
  chunk: Buffer
  /** Which requests get the endless answer; the others get `ordinary` whole. Default: every one. */
  endless?: (request: IncomingMessage) => boolean
  /** The whole body of an ordinary answer. */
  ordinary?: string
}

/** Starts the server on 127.0.0.1 port 0; every answer is 200 application/json. */
export async function serveEndless(options: EndlessOptions): Promise<EndlessServer> {
  const server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' })
    if (options.endless !== undefined && !options.endless(request)) return void response.end(options.ordinary ?? '')
    if (options.head !== undefined) response.write(options.head)
    const pump = () => {
      while (!response.destroyed && response.write(options.chunk));
      if (!response.destroyed) response.once('drain', pump)
    }
    pump()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: `http://${host}`,
    host,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
