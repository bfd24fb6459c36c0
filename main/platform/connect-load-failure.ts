// A page of the sign-in that the connect window could not load at all (offline, a name that does
// not resolve, a certificate a TLS-inspecting proxy signed, a refused connection). Electron leaves
// such a window blank (web-contents.md, "did-fail-load"), and the person would wait in front of it
// for a sign-in that cannot happen: the sign-in ends instead, saying what failed and where.
import { AppError } from '../../common/errors'

/** Chromium's ERR_ABORTED (net_error_list.h): a load replaced by another one, or stopped by the app itself — not a failure. */
export const NET_ERR_ABORTED = -3

/** Chromium's error names (net_error_list.h) said in words; others are shown as Chromium names them. */
const IN_WORDS: [RegExp, string][] = [
  [/^ERR_INTERNET_DISCONNECTED$/, 'this computer is offline'],
  [/^ERR_NAME_NOT_RESOLVED$|^ERR_NAME_RESOLUTION_FAILED$/, 'its address could not be found (DNS)'],
  [/^ERR_CONNECTION_(REFUSED|RESET|CLOSED|TIMED_OUT|FAILED)$|^ERR_TIMED_OUT$|^ERR_ADDRESS_UNREACHABLE$/, 'the connection to it failed'],
  [/^ERR_PROXY_|^ERR_TUNNEL_CONNECTION_FAILED$/, 'the proxy refused or failed the connection'],
  [/^ERR_CERT_|^ERR_SSL_/, 'its certificate is not trusted (a proxy inspecting HTTPS needs its certificate in the system’s store)'],
]

/**
 * The error a failed main-frame load ends the sign-in with; undefined for a load that is no
 * failure (ERR_ABORTED). Only the page's host is named: the authorize URL's query (client id,
 * state, PKCE challenge) stays out of the message.
 */
export function connectLoadFailure(errorCode: number, errorDescription: string, url: string): AppError | undefined {
  if (errorCode === NET_ERR_ABORTED) return undefined
  let host = 'the sign-in page'
  try {
    host = new URL(url).host || host
  } catch {
    // An unparsable URL is named generically.
  }
  const name = /^ERR_[A-Z0-9_]+$/.test(errorDescription) ? errorDescription : `error ${errorCode}`
  const words = IN_WORDS.find(([pattern]) => pattern.test(name))?.[1]
  return new AppError('NETWORK', `The connect window could not load ${host}: ${words ? `${words} (${name})` : name}. Check the connection, then press Connect again.`)
}
