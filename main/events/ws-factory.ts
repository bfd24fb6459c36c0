// The SocketFactory on the `ws` package: what main uses to reach Zoom's event socket. Errors are
// reduced to their code: a message could quote the URL, and the URL holds the access token.
import type { Agent } from 'node:http'
import WebSocket from 'ws'
import type { SocketFactory } from './event-socket'

export interface WsFactoryOptions {
  /** How long the opening handshake may take (default 30 s). */
  handshakeTimeoutMs?: number
  /** Largest frame accepted (default 8 MiB: Zoom's biggest events are well below). */
  maxPayload?: number
  /**
   * The agent for a socket URL, from the proxy the system settings give for it (as for main's
   * HTTP); undefined means DIRECT. A rejection (a proxy we cannot use) fails the attempt.
   */
  agentFor?: (url: string) => Promise<Agent | undefined>
}

/** A code for the failure, never its message: a message could quote the URL and its token. */
const codeOf = (error: unknown, fallback: string) => {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : fallback
}

export function createWsFactory(options: WsFactoryOptions = {}): SocketFactory {
  return (url, handlers) => {
    let socket: WebSocket | undefined
    let done = false
    const listen = (ws: WebSocket) => {
      ws.on('open', () => handlers.open())
      ws.on('message', (data, isBinary) => {
        if (!isBinary) handlers.message(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8'))
      })
      ws.on('unexpected-response', (request, response) => {
        done = true
        handlers.rejected(response.statusCode ?? 0)
        response.resume()
        request.destroy()
      })
      ws.on('error', (error: NodeJS.ErrnoException) => {
        if (done) return
        done = true
        handlers.error(codeOf(error, 'ERR_SOCKET'))
      })
      ws.on('close', (code, reason) => {
        if (done) return
        done = true
        handlers.close(code, reason.toString('utf8'))
      })
    }
    const open = (agent: Agent | undefined) => {
      if (done) return
      try {
        socket = new WebSocket(url, { handshakeTimeout: options.handshakeTimeoutMs ?? 30_000, maxPayload: options.maxPayload ?? 8 * 1024 * 1024, followRedirects: false, ...(agent ? { agent } : {}) })
      } catch (error) {
        // ws throws at once for a URL it cannot use, quoting the URL (and so the token): keep only a code.
        done = true
        handlers.error(codeOf(error, 'ERR_INVALID_URL'))
        return
      }
      listen(socket)
    }
    if (options.agentFor) {
      options.agentFor(url).then(open, (error: unknown) => {
        if (done) return
        done = true
        handlers.error(codeOf(error, 'ERR_PROXY'))
      })
    } else {
      open(undefined)
    }
    return {
      send: (text) => socket?.send(text),
      close: (code, reason) => {
        done = true
        if (!socket) return
        if (socket.readyState === WebSocket.CONNECTING) socket.terminate()
        else socket.close(code, reason)
      },
    }
  }
}
