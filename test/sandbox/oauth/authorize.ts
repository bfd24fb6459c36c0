// GET /oauth/authorize and the pages behind it: sign-in (optionally through a stand-in SSO
// identity provider), consent, and the redirect back with a code or error=access_denied.
// Bad requests get an HTML error page, never a redirect (the redirect URI is not trusted yet).
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RegisteredApp } from '../apps'
import type { SandboxContext } from '../context'
import { readBody, redirect, sendHtml, splitUrl } from '../http'
import { callbackPage, consentPage, errorPage, signedOutPage, signInPage, ssoPage } from './pages'

interface AuthorizeRequest {
  app: RegisteredApp
  redirectUri: string
  state: string | undefined
  codeChallenge: string | undefined
  method: 'S256' | 'plain' | undefined
  scopes: string[]
}

type Validation =
  | { ok: true; request: AuthorizeRequest }
  /** `redirectError`: the error is sent back to the client's redirect URI instead of shown. */
  | { ok: false; message: string; redirectError?: { redirectUri: string; error: string; state: string | undefined }; title?: string }

const CHALLENGE = /^[A-Za-z0-9\-._~]{43,128}$/

export function validateAuthorizeQuery(query: URLSearchParams, ctx: SandboxContext): Validation {
  const clientId = query.get('client_id')
  const app = clientId === null ? undefined : ctx.apps.findByClientId(clientId)
  if (app === undefined || app.level === 'account') return { ok: false, message: 'Invalid client_id. The app does not exist or cannot be authorized.' }
  const redirectUri = query.get('redirect_uri')
  // Exact match on scheme, host, port, path and query: the Strict Mode behaviour.
  // Zoom answers an unregistered redirect with its error page "Invalid redirect: <uri> (4,700)".
  if (redirectUri === null || !app.redirectUris.includes(redirectUri)) return { ok: false, message: `Invalid redirect: ${redirectUri ?? ''} (4,700)`, title: 'Error' }
  if (ctx.rejectHttpRedirects && redirectUri.startsWith('http:')) return { ok: false, message: 'Invalid redirect URL. (4,700)', title: 'Error' }
  if (query.get('response_type') !== 'code') return { ok: false, message: 'Invalid response_type: only "code" is supported.' }
  const challenge = query.get('code_challenge') ?? undefined
  const methodParam = query.get('code_challenge_method') ?? undefined
  if (methodParam !== undefined && methodParam !== 'S256' && methodParam !== 'plain') return { ok: false, message: 'Invalid code_challenge_method: use S256 or plain.' }
  if (challenge !== undefined && !CHALLENGE.test(challenge)) return { ok: false, message: 'Invalid code_challenge.' }
  if (app.clientSecret === undefined && challenge === undefined) return { ok: false, message: 'A public client must send a PKCE code_challenge.' }
  const requested = query.get('scope')
  // RFC 6749 §4.1.2.1: once client and redirect URI are known good, errors go back to the client.
  if (ctx.strict.scopeRequired === true && (requested === null || requested.trim() === '')) {
    return { ok: false, message: 'The request has no scope.', redirectError: { redirectUri, error: 'invalid_scope', state: query.get('state') ?? undefined } }
  }
  let scopes = app.scopes
  if (requested !== null && requested.trim() !== '') {
    scopes = requested.split(/[\s+]+/).filter((s) => app.scopes.includes(s))
    if (scopes.length === 0) return { ok: false, message: 'Invalid scope: none of the requested scopes are configured for this app.' }
  }
  return {
    ok: true,
    request: {
      app, redirectUri, state: query.get('state') ?? undefined, codeChallenge: challenge,
      method: challenge === undefined ? undefined : (methodParam ?? 'plain'), scopes,
    },
  }
}

function badRequest(res: ServerResponse, message: string, status = 400, title = 'Something went wrong'): void {
  sendHtml(res, status, errorPage(title, message))
}

/** Builds the redirect back to the client, keeping any query the registered URI has. */
function backToClient(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri)
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.append(key, value)
  return url.toString()
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams(await readBody(req))
}

function signInUser(ctx: SandboxContext, form: URLSearchParams): number | undefined {
  const index = ctx.users.resolve((form.get('email') ?? '').trim())
  if (index === undefined || ctx.users.statusOf(index) !== 'active') return undefined
  return form.get('password') === ctx.password ? index : undefined
}

/** A `continue` value must be an authorize query string, never a URL elsewhere. */
function authorizePath(continueQuery: string): string {
  return `/oauth/authorize?${new URLSearchParams(continueQuery).toString()}`
}

export async function handleAuthorizePages(req: IncomingMessage, res: ServerResponse, ctx: SandboxContext, path: string): Promise<boolean> {
  const method = req.method ?? 'GET'
  const { query } = splitUrl(req.url ?? '/')

  if (path === '/oauth/authorize' && method === 'GET') {
    ctx.stats.authorizePage()
    const validation = validateAuthorizeQuery(query, ctx)
    if (!validation.ok) {
      const back = validation.redirectError
      if (back !== undefined) redirect(res, backToClient(back.redirectUri, { error: back.error, error_description: validation.message, state: back.state }))
      else badRequest(res, validation.message, 400, validation.title)
      return true
    }
    const session = ctx.sessions.userOf(req.headers.cookie)
    if (session === undefined) {
      sendHtml(res, 200, signInPage({ continueQuery: query.toString(), sso: ctx.sso }))
      return true
    }
    const request = validation.request
    if (request.app.level === 'admin' && !ctx.users.isAdmin(session.userIndex)) {
      badRequest(res, 'Only an account owner or admin can authorize this admin-managed app.', 403)
      return true
    }
    const consentId = ctx.sessions.addConsent({ ...request, sessionId: session.sessionId, userIndex: session.userIndex })
    sendHtml(res, 200, consentPage({ appName: request.app.name, scopes: request.scopes, email: ctx.users.email(session.userIndex), consentId }))
    return true
  }

  if (path === '/oauth/signin' && method === 'POST') {
    const form = await readForm(req)
    const continueQuery = form.get('continue') ?? ''
    const userIndex = signInUser(ctx, form)
    if (userIndex === undefined) {
      sendHtml(res, 401, signInPage({ continueQuery, sso: false, error: 'Incorrect email or password.' }))
      return true
    }
    redirect(res, authorizePath(continueQuery), { 'set-cookie': ctx.sessions.cookie(ctx.sessions.create(userIndex)) }, 303)
    return true
  }

  if (path === '/sso/idp' && method === 'GET') {
    sendHtml(res, 200, ssoPage({ continueQuery: query.get('continue') ?? '' }))
    return true
  }

  if (path === '/sso/idp' && method === 'POST') {
    const form = await readForm(req)
    const continueQuery = form.get('continue') ?? ''
    const userIndex = signInUser(ctx, form)
    if (userIndex === undefined) {
      sendHtml(res, 401, ssoPage({ continueQuery, error: 'Incorrect email or password.' }))
      return true
    }
    const ticket = ctx.sessions.issueSsoTicket(userIndex)
    redirect(res, `/sso/acs?${new URLSearchParams({ ticket, continue: continueQuery }).toString()}`, undefined, 303)
    return true
  }

  if (path === '/sso/acs' && method === 'GET') {
    const userIndex = ctx.sessions.redeemSsoTicket(query.get('ticket') ?? '')
    if (userIndex === undefined) {
      badRequest(res, 'The sign-in ticket is invalid or was already used.')
      return true
    }
    redirect(res, authorizePath(query.get('continue') ?? ''), { 'set-cookie': ctx.sessions.cookie(ctx.sessions.create(userIndex)) })
    return true
  }

  if (path === '/oauth/consent' && method === 'POST') {
    const form = await readForm(req)
    const session = ctx.sessions.userOf(req.headers.cookie)
    const consent = session === undefined ? undefined : ctx.sessions.takeConsent(form.get('consent_id') ?? '', session.sessionId)
    if (consent === undefined) {
      badRequest(res, 'This authorization request has expired. Start again from the app.')
      return true
    }
    if (form.get('decision') !== 'allow') {
      redirect(res, backToClient(consent.redirectUri, { error: 'access_denied', state: consent.state }))
      return true
    }
    const code = ctx.grants.issueCode({
      app: consent.app, redirectUri: consent.redirectUri, userIndex: consent.userIndex, scopes: consent.scopes,
      ...(consent.codeChallenge === undefined ? {} : { codeChallenge: consent.codeChallenge, method: consent.method ?? 'plain' }),
    })
    redirect(res, backToClient(consent.redirectUri, { code, state: consent.state }))
    return true
  }

  if (path === '/oauth/signout') {
    const session = ctx.sessions.userOf(req.headers.cookie)
    if (session !== undefined) ctx.sessions.end(session.sessionId)
    sendHtml(res, 200, signedOutPage(), { 'set-cookie': ctx.sessions.clearCookie() })
    return true
  }

  if (path === '/callback' && method === 'GET') {
    sendHtml(res, 200, callbackPage(query))
    return true
  }
  return false
}
