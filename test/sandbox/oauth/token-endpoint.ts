// POST /oauth/token (authorization_code, refresh_token, account_credentials) and
// POST /oauth/revoke, with Zoom's response and error shapes.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { SandboxContext } from '../context'
import { readBody, sendJson, splitUrl } from '../http'
import { authenticateClient } from './client-auth'
import type { OAuthError, Outcome } from './grants'

const NO_STORE = { 'cache-control': 'no-store' }
const KNOWN_GRANTS = new Set(['authorization_code', 'refresh_token', 'account_credentials'])
/**
 * Grants Zoom's token endpoint takes that the sandbox does not emulate: the device flow (its
 * polling grant) and client_credentials (app-owned tokens for chatbot and Marketplace scopes).
 * Answering them "Unsupported grant type" would claim Zoom refuses them.
 */
const UNEMULATED_GRANTS = new Set(['urn:ietf:params:oauth:grant-type:device_code', 'device_auth', 'client_credentials'])

/** Zoom's failure shape for something Zoom does that the sandbox does not emulate. */
export function notEmulatedFailure(what: string): OAuthError {
  return { status: 400, reason: `The sandbox does not emulate ${what} (not emulated).`, error: 'invalid_request' }
}

/** Grant parameters may come in the query string or the form body; the body wins. */
async function readParams(req: IncomingMessage): Promise<URLSearchParams> {
  const params = splitUrl(req.url ?? '/').query
  const body = await readBody(req)
  for (const [key, value] of new URLSearchParams(body)) params.set(key, value)
  return params
}

function sendFailure(res: ServerResponse, ctx: SandboxContext, failure: OAuthError, countAsToken = true): void {
  if (countAsToken) ctx.stats.tokenResponse(failure.status)
  sendJson(res, failure.status, { reason: failure.reason, error: failure.error }, NO_STORE)
}

export async function handleToken(req: IncomingMessage, res: ServerResponse, ctx: SandboxContext): Promise<void> {
  const params = await readParams(req)
  const grantType = params.get('grant_type') ?? ''
  const client = authenticateClient(req, params, ctx.apps, ctx.strict.formEncodedBasic === true)
  ctx.stats.tokenRequest(KNOWN_GRANTS.has(grantType) ? grantType : 'other', client.method)
  if (!client.ok) return sendFailure(res, ctx, client.failure)
  const app = client.app
  if (grantType === '') return sendFailure(res, ctx, { status: 400, reason: 'Missing grant type', error: 'invalid_request' })
  if (UNEMULATED_GRANTS.has(grantType)) return sendFailure(res, ctx, notEmulatedFailure(`the ${grantType} grant`))
  const unsupported: OAuthError = { status: 400, reason: 'Unsupported grant type', error: 'unsupported_grant_type' }

  let outcome: Outcome
  if (grantType === 'account_credentials') {
    if (app.level !== 'account') return sendFailure(res, ctx, unsupported)
    if (params.get('account_id') !== ctx.users.accountId) {
      return sendFailure(res, ctx, { status: 400, reason: 'Account does not exist', error: 'invalid_request' })
    }
    outcome = { ok: true, tokens: ctx.grants.issueAccountToken(app, 0) }
  } else if (grantType === 'authorization_code') {
    if (app.level === 'account') return sendFailure(res, ctx, unsupported)
    const code = params.get('code')
    if (code === null || code === '') return sendFailure(res, ctx, { status: 400, reason: 'Invalid authorization code', error: 'invalid_grant' })
    outcome = ctx.grants.exchangeCode(app, code, params.get('redirect_uri') ?? undefined, params.get('code_verifier') ?? undefined)
  } else if (grantType === 'refresh_token') {
    if (app.level === 'account') return sendFailure(res, ctx, unsupported)
    const refreshToken = params.get('refresh_token')
    if (refreshToken === null || refreshToken === '') return sendFailure(res, ctx, { status: 400, reason: 'Invalid Token!', error: 'invalid_grant' })
    outcome = ctx.grants.refresh(app, refreshToken)
  } else {
    return sendFailure(res, ctx, unsupported)
  }
  if (!outcome.ok) return sendFailure(res, ctx, outcome.failure)
  ctx.stats.tokenResponse(200)
  const { scope, ...unscoped } = outcome.tokens
  sendJson(res, 200, { ...(ctx.strict.scopeOmitted === true ? unscoped : { ...unscoped, scope }), api_url: ctx.apiUrl }, NO_STORE)
}

/** POST /oauth/devicecode, where Zoom starts the device flow. */
export function handleDeviceCode(res: ServerResponse): void {
  const failure = notEmulatedFailure('the device authorization flow (/oauth/devicecode)')
  sendJson(res, failure.status, { reason: failure.reason, error: failure.error }, NO_STORE)
}

export async function handleRevoke(req: IncomingMessage, res: ServerResponse, ctx: SandboxContext): Promise<void> {
  const params = await readParams(req)
  const client = authenticateClient(req, params, ctx.apps, ctx.strict.formEncodedBasic === true)
  if (!client.ok) return sendFailure(res, ctx, client.failure, false)
  const token = params.get('token')
  if (token === null || token === '') return sendFailure(res, ctx, { status: 400, reason: 'Token cannot be empty.', error: 'invalid_request' }, false)
  if (!ctx.grants.revoke(client.app, token, { accessTokenOnly: ctx.strict.revokeTokenOnly === true })) return sendFailure(res, ctx, { status: 400, reason: 'Invalid Token!', error: 'invalid_grant' }, false)
  ctx.stats.revocation()
  sendJson(res, 200, { status: 'success' }, NO_STORE)
}
