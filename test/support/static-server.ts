// Serves the built renderer on 127.0.0.1 (Chromium blocks module scripts from file://), with the
// same CSP the app:// protocol sends, so a CSP violation fails the end-to-end run as it would in the app.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serveAppAsset } from '../../main/platform/app-protocol'

export interface StaticServer {
  url: string
  close(): Promise<void>
}

export async function serveRenderer(root: string): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    // Reuse the production handler: map this origin onto app://zoom-connect.
    const appUrl = `app://zoom-connect${request.url ?? '/'}`
    void serveAppAsset(root, appUrl).then(async (answer) => {
      response.writeHead(answer.status, Object.fromEntries(answer.headers))
      response.end(Buffer.from(await answer.arrayBuffer()))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
