// The error codes that mean "the network or the server's end of the connection failed", not "the
// request was wrong": a request that failed with one of these may work when sent again, and the
// person is told the network failed rather than shown an internal error. One set for the Zoom
// client's retries, its error mapping and the data layer's error mapping.
const NETWORK_ERROR_CODES: ReadonlySet<string> = new Set([
  // The server or a middlebox dropped an open connection (a restart, an idle-timeout on a proxy).
  'ECONNRESET',
  // Nothing listens at the address (the server is restarting, a port is blocked).
  'ECONNREFUSED',
  // The connection was given up before it was set up (a proxy or the OS aborted it).
  'ECONNABORTED',
  // The OS timed out connecting or reading: got reports its own timeouts as TimeoutError, this is the socket's.
  'ETIMEDOUT',
  // Written to a connection the other end had already closed.
  'EPIPE',
  // DNS said the name does not exist; on a flaky or captive network this passes.
  'ENOTFOUND',
  // DNS did not answer in time (a temporary resolver failure).
  'EAI_AGAIN',
  // No route to the network or host: Wi-Fi dropped, VPN reconnecting.
  'ENETUNREACH',
  'EHOSTUNREACH',
  // No free local port for the outgoing connection (many sockets in TIME_WAIT); got retries it by default.
  'EADDRINUSE',
  // Node's stream ended before the body was complete (the server closed mid-response).
  'ERR_STREAM_PREMATURE_CLOSE',
  // undici's (fetch's) name for a socket that closed under a request.
  'UND_ERR_SOCKET',
])

export function isNetworkErrorCode(code: unknown): code is string {
  return typeof code === 'string' && NETWORK_ERROR_CODES.has(code)
}
