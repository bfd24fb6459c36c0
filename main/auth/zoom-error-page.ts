// Reads a Zoom error page the connect window landed on instead of the sign-in, and says in plain
// words what to fix. Zoom shows these at its /oauth/ URLs with a numbered code written like
// "(4,700)"; 4700 "Invalid redirect" means the redirect URL sent is not one registered for the app
// (Zoom compares scheme, host, port, path and query exactly). Pure: the window passes what it read.
import { AppError } from '../../common/errors'
import type { LoadedPage } from '../ports'
import { readableText } from './readable-text'

/** Zoom's error code on the page: "(4,700)", "(4700)" or "error code: 4700". */
const CODE = /\((\d{1,2},?\d{3})\)|error code:?\s*(\d{4,5})/i
const MAX_SHOWN = 200

export interface ExpectedFlow {
  /** The authorization URL the window was opened with: error pages are on its host. */
  authorizeUrl: string
  /** The redirect URL this profile sends. */
  redirectUri: string
}

function codeOf(text: string): number | undefined {
  const match = CODE.exec(text)
  const digits = (match?.[1] ?? match?.[2])?.replace(',', '')
  return digits === undefined ? undefined : Number(digits)
}

/** The first line that carries the code, as readable text (redacted, escaped, clipped): what Zoom said, for the details. */
function zoomLine(text: string): string {
  const line = text.split(/\r?\n/).map((l) => l.trim()).find((l) => CODE.test(l)) ?? text.trim().split(/\r?\n/)[0] ?? ''
  return readableText(line, MAX_SHOWN)
}

export function zoomErrorFromPage(page: LoadedPage, flow: ExpectedFlow): AppError | undefined {
  if (!URL.canParse(page.url) || !URL.canParse(flow.authorizeUrl)) return undefined
  const at = new URL(page.url)
  // Only Zoom's own OAuth pages: an SSO provider's pages are its business.
  if (at.origin !== new URL(flow.authorizeUrl).origin || !at.pathname.startsWith('/oauth')) return undefined
  const code = codeOf(page.text)
  if (code === undefined) return undefined
  const said = zoomLine(page.text)
  const details = { zoomCode: code, zoomMessage: said }
  if (code === 4700 && /redirect/i.test(page.text)) {
    return new AppError(
      'AUTH_REDIRECT_NOT_REGISTERED',
      `Zoom refused the sign-in: the redirect URL ${flow.redirectUri} is not registered for this app (Zoom error 4700). ` +
        'In the Zoom App Marketplace, open the app, add exactly this URL as the OAuth Redirect URL and to the OAuth allow list, save, then connect again.',
      { ...details, redirectUri: flow.redirectUri },
    )
  }
  return new AppError('AUTH_ZOOM_ERROR_PAGE', `Zoom showed an error instead of the sign-in (error ${code}): ${said}`, details)
}
