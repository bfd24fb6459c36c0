// Chromium cannot load a scheme Electron registers (app://), so the stand-in gives each handled
// scheme a stand-in https origin and answers its requests through CDP Fetch interception with the
// app's own protocol.handle handler:
//
//     app://zoom-connect/index.html  ⇄  https://zoom-connect.app.standin.invalid/index.html
//
// https keeps what registerSchemesAsPrivileged's `secure`/`standard` give the real scheme: a secure
// context, a real origin for CSP 'self', fetch and CORS. The request never reaches the network or
// DNS: every request of a stand-in page is paused and fulfilled by the handler. Everything the app
// reads back (webContents.getURL(), senderFrame.url, webRequest details, navigation events) is
// mapped back to the app:// form.
const SUFFIX = '.standin.invalid'

export function toChromiumUrl(url: string, handledSchemes: ReadonlySet<string>): string {
  if (!URL.canParse(url)) return url
  const parsed = new URL(url)
  const scheme = parsed.protocol.slice(0, -1)
  if (!handledSchemes.has(scheme)) return url
  return `https://${parsed.host}.${scheme}${SUFFIX}${parsed.pathname}${parsed.search}${parsed.hash}`
}

export function fromChromiumUrl(url: string): string {
  if (!URL.canParse(url)) return url
  const parsed = new URL(url)
  if (parsed.protocol !== 'https:' || !parsed.hostname.endsWith(SUFFIX)) return url
  const labels = parsed.hostname.slice(0, -SUFFIX.length).split('.')
  const scheme = labels.pop()!
  return `${scheme}://${labels.join('.')}${parsed.pathname}${parsed.search}${parsed.hash}`
}

/** The handled scheme a Chromium-side URL stands for, if any. */
export function mappedScheme(url: string): string | undefined {
  const original = fromChromiumUrl(url)
  return original === url ? undefined : original.slice(0, original.indexOf(':'))
}
