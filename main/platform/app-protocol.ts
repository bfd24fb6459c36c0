// The production renderer is served from app://zoom-connect/ (not file://): a real origin for
// the sender check, no access to other files, and our CSP on every response.
import { readFile } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import type { Protocol } from 'electron'

export const APP_SCHEME = 'app'
export const APP_HOST = 'zoom-connect'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
}

/** The file under `root` that a request URL names, or undefined for anything outside it. */
export function resolveAppAsset(root: string, requestUrl: string): string | undefined {
  if (!URL.canParse(requestUrl)) return undefined
  const url = new URL(requestUrl)
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return undefined
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return undefined
  }
  if (pathname.includes('\0')) return undefined
  const base = resolve(root)
  const file = resolve(base, `.${pathname === '/' ? '/index.html' : pathname}`)
  return file.startsWith(base + sep) ? file : undefined
}

/** Answers one app:// request: the file with its type and our CSP, or 404. */
export async function serveAppAsset(root: string, requestUrl: string): Promise<Response> {
  const file = resolveAppAsset(root, requestUrl)
  const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' }
  if (!file) return new Response('Not found', { status: 404, headers })
  try {
    const body = await readFile(file)
    return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' } })
  } catch {
    return new Response('Not found', { status: 404, headers })
  }
}

/** Call before app ready: app:// behaves like https (secure context, fetch, CORS). */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

export function handleAppScheme(protocol: Protocol, root: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppAsset(root, request.url))
}
