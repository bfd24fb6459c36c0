// The system-browser redirect target (RFC 8252 §7.3, security.md §3.1): an HTTP listener on the
// loopback address of the registered redirect URI, alive for one flow. It accepts exactly one GET
// on the exact path with the exact Host header (DNS-rebinding defence) carrying the pending flow's
// `state` (compared in constant time), answers with a static page, and is closed after the flow.
// Anything else is refused and the listener stays open: another local program or web page
// cannot end the sign-in by requesting the callback URL first. The query is never logged. A
// redirect to the name `localhost` is refused rather than bound: see localhostRedirectProblem.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { AppError } from '../../common/errors'
import { localhostRedirectProblem } from '../../common/profile'
import { statesEqual } from './flow-state'

export interface LoopbackListener {
  /** Resolves with the full callback URL of the first valid request. */
  readonly callback: Promise<string>
  readonly address: AddressInfo
  close(): Promise<void>
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Zoom Connect</title></head>
<body style="font-family:system-ui,sans-serif;max-width:30rem;margin:4rem auto"><h1>Zoom Connect received Zoom's answer</h1>
<p>You can close this tab and return to Zoom Connect.</p></body></html>`

const plain = (res: ServerResponse, status: number, text: string) =>
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(text)

/** True when the query carries exactly one `state` and it is the expected one. */
function carriesState(query: string, expectedState: string): boolean {
  const states = new URLSearchParams(query).getAll('state')
  return states.length === 1 && statesEqual(expectedState, states[0] as string)
}

export async function startLoopbackListener(redirectUri: string, expectedState: string): Promise<LoopbackListener> {
  const target = new URL(redirectUri)
  if (target.protocol !== 'http:') throw new AppError('VALIDATION', 'The system browser needs an http://127.0.0.1:PORT/... redirect URL')
  const localhost = localhostRedirectProblem(redirectUri)
  if (localhost) throw new AppError('VALIDATION', localhost)
  const bindHost = target.hostname === '[::1]' ? '::1' : target.hostname === '127.0.0.1' ? '127.0.0.1' : undefined
  if (!bindHost) throw new AppError('VALIDATION', 'The system browser needs a loopback redirect URL (127.0.0.1)')
  if (!target.port) throw new AppError('VALIDATION', 'The loopback redirect URL needs an explicit port, e.g. http://127.0.0.1:8765/callback')

  let settle: (url: string) => void = () => undefined
  const callback = new Promise<string>((resolve) => (settle = resolve))
  let answered = false

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const [path, query = ''] = (req.url ?? '').split(/\?(.*)/s)
    const hostOk = (req.headers.host ?? '').toLowerCase() === target.host.toLowerCase()
    if (answered || req.method !== 'GET' || path !== target.pathname || !hostOk) {
      plain(res, 404, 'Not found')
      return
    }
    if (!carriesState(query, expectedState)) {
      plain(res, 400, 'This is not the answer to the sign-in Zoom Connect is waiting for.')
      return
    }
    answered = true
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    })
    res.end(PAGE)
    settle(`${target.protocol}//${target.host}${req.url ?? ''}`)
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new AppError('NETWORK', error.code === 'EADDRINUSE' ? `Port ${target.port} is in use; the redirect URL's port must be free during sign-in` : `Could not listen on ${target.host} (${error.code ?? 'error'})`)),
    )
    server.listen(Number(target.port), bindHost, () => resolve())
  })
  let closing: Promise<void> | undefined
  return {
    callback,
    address: server.address() as AddressInfo,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      return closing
    },
  }
}
