// The SocketFactory on the `ws` package: what main uses to reach Zoom's event socket. Errors are
// reduced to their code: a message could quote the URL, and the URL holds the access token.
import WebSocket from 'ws'
import type { SocketFactory } from './event-socket'

export interface WsFactoryOptions {
  /** How long the opening handshake may take (default 30 s). */
  handshakeTimeoutMs?: number
  /** Largest frame accepted (default 8 MiB: Zoom's biggest events are well below). */
  maxPayload?: number
}

export function createWsFactory(options: WsFactoryOptions = {}): SocketFactory {
  return (url, handlers) => {
    const socket = new WebSocket(url, { handshakeTimeout: options.handshakeTimeoutMs ?? 30_000, maxPayload: options.maxPayload ?? 8 * 1024 * 1024, followRedirects: false })
    let done = false
    socket.on('open', () => handlers.open())
    socket.on('message', (data, isBinary) => {
      if (!isBinary) handlers.message(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8'))
    })
    socket.on('unexpected-response', (request, response) => {
      done = true
      handlers.rejected(response.statusCode ?? 0)
      response.resume()
      request.destroy()
    })
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (done) return
      done = true
      handlers.error(typeof error.code === 'string' ? error.code : 'ERR_SOCKET')
    })
    socket.on('close', (code, reason) => {
      if (done) return
      done = true
      handlers.close(code, reason.toString('utf8'))
    })
    return {
      send: (text) => socket.send(text),
      close: (code, reason) => {
        done = true
        if (socket.readyState === WebSocket.CONNECTING) socket.terminate()
        else socket.close(code, reason)
      },
    }
  }
}
