// A tiny scripted "browser" over plain HTTP: follows redirects, keeps cookies per session
// partition, and fills the sandbox's (or any similar) server-rendered forms: a sign-in form
// (email + password), a button-only form (e.g. "Sign in with SSO"), and a consent form whose
// buttons are Allow / Decline. Used by the fake connect window and the fake system browser.
// It understands only plain HTML forms: no script, which is all the sandbox serves.

export interface ConsentScript {
  /** Who signs in on the sign-in (or SSO) page. */
  credentials?: { email: string; password: string }
  /** The button pressed on the consent page (default 'allow'). */
  decision?: 'allow' | 'decline'
  /** URLs visited before the authorization URL (e.g. an intermediate redirect that carries `code=`). */
  visitFirst?: string[]
}

export interface BrowseOptions {
  /** Checked before every navigation; true stops there without loading the URL. */
  stopAt?: (url: string) => boolean
  signal?: AbortSignal
  script: ConsentScript
  /** Upper bound on navigations, against redirect loops. */
  maxSteps?: number
  /** Stop at an error page (status ≥ 400) and return it, as a window would show it, instead of throwing. */
  keepErrorPages?: boolean
}

export interface BrowseResult {
  /** The URL the browser stopped at (the intercepted redirect, or the last page loaded). */
  url: string
  intercepted: boolean
  /** Every URL navigated to, in order (including the intercepted one). */
  visited: string[]
  /** The last page loaded when not intercepted: its title, visible text and HTTP status, as a window has them. */
  page?: { title: string; text: string; status: number }
}

interface Form {
  method: 'GET' | 'POST'
  action: string
  inputs: { name: string; type: string; value: string }[]
  buttons: { name?: string; value?: string; text: string }[]
}

export class CookieJars {
  private readonly jars = new Map<string, Map<string, string>>()

  jar(partition: string): Map<string, string> {
    let jar = this.jars.get(partition)
    if (!jar) this.jars.set(partition, (jar = new Map()))
    return jar
  }

  clear(partition: string): void {
    this.jars.delete(partition)
  }

  has(partition: string): boolean {
    return (this.jars.get(partition)?.size ?? 0) > 0
  }
}

export async function browse(startUrl: string, jar: Map<string, string>, options: BrowseOptions): Promise<BrowseResult> {
  const visited: string[] = []
  const queue = [...(options.script.visitFirst ?? []), startUrl]
  let request: { url: string; method: 'GET' | 'POST'; body?: string } | undefined
  for (let step = 0; step < (options.maxSteps ?? 40); step++) {
    options.signal?.throwIfAborted()
    if (!request) {
      const next = queue.shift()
      if (next === undefined) break
      request = { url: next, method: 'GET' }
    }
    visited.push(request.url)
    if (options.stopAt?.(request.url)) return { url: request.url, intercepted: true, visited }
    const response = await fetch(request.url, {
      method: request.method,
      redirect: 'manual',
      headers: {
        ...(jar.size > 0 ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(request.body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(request.body !== undefined ? { body: request.body } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    })
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';')
      const eq = pair.indexOf('=')
      if (eq > 0) {
        const name = pair.slice(0, eq).trim()
        const value = pair.slice(eq + 1).trim()
        if (value === '' || /max-age=0/i.test(cookie)) jar.delete(name)
        else jar.set(name, value)
      }
    }
    const location = response.headers.get('location')
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel()
      request = { url: new URL(location, request.url).toString(), method: 'GET' }
      continue
    }
    const html = await response.text()
    const form = pickForm(parseForms(html))
    if (!form || queue.length > 0) {
      if (queue.length > 0) {
        request = undefined
        continue
      }
      if (response.status >= 400 && !options.keepErrorPages) throw new Error(`The page at ${new URL(request.url).pathname} answered ${response.status}: ${alertText(html)}`)
      return { url: request.url, intercepted: false, visited, page: { title: decode(/<title>([\s\S]*?)</i.exec(html)?.[1] ?? ''), text: visibleText(html), status: response.status } }
    }
    request = submit(form, request.url, options.script)
  }
  throw new Error('Too many navigations')
}

function submit(form: Form, pageUrl: string, script: ConsentScript): { url: string; method: 'GET' | 'POST'; body?: string } {
  const fields = new URLSearchParams()
  for (const input of form.inputs) {
    if (input.type === 'password') fields.set(input.name, script.credentials?.password ?? '')
    else if (input.type === 'email' || /email|user/i.test(input.name)) fields.set(input.name, script.credentials?.email ?? '')
    else fields.set(input.name, input.value)
  }
  const decision = script.decision ?? 'allow'
  const button = form.buttons.find((b) => b.text.toLowerCase() === decision || b.value === decision) ?? form.buttons[0]
  if (button?.name) fields.set(button.name, button.value ?? '')
  const action = new URL(form.action || pageUrl, pageUrl)
  if (form.method === 'GET') {
    action.search = fields.toString()
    return { url: action.toString(), method: 'GET' }
  }
  return { url: action.toString(), method: 'POST', body: fields.toString() }
}

/** A consent form (Allow/Decline) first, then a credentials form, then anything with a button. */
function pickForm(forms: Form[]): Form | undefined {
  return (
    forms.find((f) => f.buttons.some((b) => /^(allow|decline)$/i.test(b.text))) ??
    forms.find((f) => f.inputs.some((i) => i.type === 'password')) ??
    forms.find((f) => f.buttons.length > 0)
  )
}

function parseForms(html: string): Form[] {
  const forms: Form[] = []
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attrs = attributes(match[1] ?? '')
    const body = match[2] ?? ''
    const inputs = [...body.matchAll(/<input\b([^>]*)>/gi)]
      .map((m) => attributes(m[1] ?? ''))
      .filter((a) => a.name)
      .map((a) => ({ name: a.name ?? '', type: (a.type ?? 'text').toLowerCase(), value: a.value ?? '' }))
    const buttons = [...body.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/gi)].map((m) => {
      const a = attributes(m[1] ?? '')
      return { ...(a.name ? { name: a.name } : {}), ...(a.value !== undefined ? { value: a.value } : {}), text: decode((m[2] ?? '').replace(/<[^>]*>/g, '').trim()) }
    })
    forms.push({ method: (attrs.method ?? 'get').toUpperCase() === 'POST' ? 'POST' : 'GET', action: attrs.action ?? '', inputs, buttons })
  }
  return forms
}

function attributes(text: string): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {}
  for (const m of text.matchAll(/([a-zA-Z-]+)(?:\s*=\s*"([^"]*)")?/g)) out[(m[1] ?? '').toLowerCase()] = m[2] === undefined ? '' : decode(m[2])
  return out
}

function decode(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

function alertText(html: string): string {
  const alert = /role="alert"[^>]*>([\s\S]*?)</i.exec(html)?.[1] ?? /<h1[^>]*>([\s\S]*?)</i.exec(html)?.[1] ?? ''
  return decode(alert.trim())
}

/** The text a browser would show: tags dropped, entities decoded, one line per block. */
function visibleText(html: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html
  return decode(body.replace(/<(style|script)[\s\S]*?<\/\1>/gi, '').replace(/<\/(p|h\d|div|li|dt|dd)>|<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, ''))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n')
}
