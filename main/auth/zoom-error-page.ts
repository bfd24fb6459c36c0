// Reads a Zoom error page the connect window landed on instead of the sign-in, and says in plain
// words what to fix. Zoom shows these at its /oauth/ URLs, mostly with a numbered code written like
// "(4,700)"; 4700 "Invalid redirect" means the redirect URL sent is not one registered for the app
// (Zoom compares scheme, host, port, path and query exactly). Some carry no code (an app Zoom does
// not know, a request it cannot read): those are recognised by their title or HTTP status, and
// reported with what they say — otherwise the sign-in would wait, unexplained, until it timed out
// or the person closed the window. Pure: the window passes what it read.
import { AppError } from '../../common/errors'
import type { LoadedPage } from '../ports'
import { readableText } from './readable-text'

/** Zoom's error code on the page: "(4,700)", "(4700)" or "error code: 4700". */
const CODE = /\((\d{1,2},?\d{3})\)|error code:?\s*(\d{4,5})/i
/**
 * The title of an error page without a code ("Error - Zoom", "Something went wrong", …). Only at
 * its start: a consent page's title may carry the app's name, which may hold any of these words.
 */
const ERROR_TITLE = /^\s*(error\b|something went wrong|(page )?not found|invalid\b)/i
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
  if (code === undefined) return isErrorPage(page) ? codelessError(page) : undefined
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

/**
 * An error page without a code: its title says so, or it came with an HTTP error status. Not 401:
 * a sign-in form shown again after a wrong password comes with it, and the person can go on there.
 */
function isErrorPage(page: LoadedPage): boolean {
  if (ERROR_TITLE.test(page.title)) return true
  return page.status !== undefined && page.status >= 400 && page.status !== 401
}

// What the page said is in the message itself, not repeated as details.zoomMessage: the status card
// shows that after the message, and it would say the same twice.
function codelessError(page: LoadedPage): AppError {
  return new AppError(
    'AUTH_ZOOM_ERROR_PAGE',
    `Zoom showed an error page instead of the sign-in: ${pageSays(page)}. Check the app's Client ID and redirect URL in the Zoom App Marketplace (and that the app is activated), then connect again.`,
    page.status !== undefined && page.status > 0 ? { httpStatus: page.status } : undefined,
  )
}

/** The page's heading and first line of its own (readable text: redacted, escaped, clipped), or its HTTP status. */
function pageSays(page: LoadedPage): string {
  // "Something went wrong - Zoom" → "Something went wrong"; a heading repeating it is not said twice.
  const heading = page.title.split(/\s[-|–]\s/)[0]?.trim() ?? ''
  const lines = page.text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && l !== heading && l !== page.title.trim())
  const said = [heading, lines[0]].filter((part) => part !== undefined && part !== '').join(': ')
  if (said !== '') return readableText(said.replace(/[.\s]+$/, ''), MAX_SHOWN)
  return page.status !== undefined && page.status > 0 ? `HTTP ${page.status}` : 'an empty page'
}
