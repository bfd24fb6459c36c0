// Helpers for tests that talk to the sandbox over plain HTTP (also handy for other suites).
import { createHash, randomBytes } from 'node:crypto'
import type { Sandbox } from './types'

export function basicAuth(clientId: string, clientSecret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`
}

export function postForm(url: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  })
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') }
}

export interface TokenBody {
  access_token: string
  token_type: string
  refresh_token?: string
  expires_in: number
  scope: string
  api_url: string
}

export async function s2sToken(zoom: Sandbox): Promise<TokenBody> {
  const { accountId, clientId, clientSecret } = zoom.apps.s2s
  const res = await postForm(`${zoom.url}/oauth/token`, { grant_type: 'account_credentials', account_id: accountId }, { authorization: basicAuth(clientId, clientSecret) })
  if (res.status !== 200) throw new Error(`s2s token failed with ${res.status}`)
  return (await res.json()) as TokenBody
}

/** Authorization-code tokens for a confidential app, via issueCode (no browser). */
export async function userTokens(zoom: Sandbox, app: 'userOAuth' | 'adminOAuth', options: { scopes?: string[]; userEmail?: string } = {}): Promise<TokenBody> {
  const { clientId, clientSecret, redirectUri } = zoom.apps[app]
  const code = zoom.issueCode({ app, ...options })
  const res = await postForm(`${zoom.url}/oauth/token`, { grant_type: 'authorization_code', code, redirect_uri: redirectUri }, { authorization: basicAuth(clientId, clientSecret) })
  if (res.status !== 200) throw new Error(`code exchange failed with ${res.status}`)
  return (await res.json()) as TokenBody
}

export function getJson(url: string, token: string | undefined, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...(init.headers as Record<string, string> | undefined) } })
}
