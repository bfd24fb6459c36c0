// Server-rendered HTML of the sign-in, SSO, consent and error pages: plain forms, no script,
// every input labelled and every button named by its text.
import { escapeHtml as e } from '../http'

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)} - Zoom Sandbox</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1d1d1f}
label{display:block;margin:.75rem 0 .25rem}input{width:100%;padding:.5rem;box-sizing:border-box}
button{margin:.75rem .5rem 0 0;padding:.5rem 1.25rem}[role=alert]{color:#b00020}</style>
</head>
<body><main>
${body}
</main></body>
</html>`
}

function hidden(fields: Record<string, string>): string {
  return Object.entries(fields).map(([name, value]) => `<input type="hidden" name="${e(name)}" value="${e(value)}">`).join('\n')
}

function credentialFields(): string {
  return `<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>`
}

export function signInPage(options: { continueQuery: string; sso: boolean; error?: string }): string {
  const alert = options.error === undefined ? '' : `<p role="alert">${e(options.error)}</p>`
  if (options.sso) {
    return layout('Sign in', `<h1>Sign in to Zoom</h1>
<p>Your company signs in through its identity provider.</p>
<form method="get" action="/sso/idp">
${hidden({ continue: options.continueQuery })}
<button type="submit">Sign in with SSO</button>
</form>`)
  }
  return layout('Sign in', `<h1>Sign in to Zoom</h1>
${alert}
<form method="post" action="/oauth/signin">
${hidden({ continue: options.continueQuery })}
${credentialFields()}
<button type="submit">Sign in</button>
</form>`)
}

export function ssoPage(options: { continueQuery: string; error?: string }): string {
  const alert = options.error === undefined ? '' : `<p role="alert">${e(options.error)}</p>`
  return layout('Company sign-in', `<h1>Sandbox Co identity provider</h1>
<p>Single sign-on for Sandbox Co employees.</p>
${alert}
<form method="post" action="/sso/idp">
${hidden({ continue: options.continueQuery })}
${credentialFields()}
<button type="submit">Sign in</button>
</form>`)
}

export function consentPage(options: { appName: string; scopes: string[]; email: string; consentId: string }): string {
  const scopes = options.scopes.map((s) => `<li><code>${e(s)}</code></li>`).join('\n')
  return layout('Authorize app', `<h1>${e(options.appName)} would like to access your Zoom account</h1>
<p>Signed in as ${e(options.email)}.</p>
<h2>This app will be able to:</h2>
<ul aria-label="Requested scopes">
${scopes}
</ul>
<form method="post" action="/oauth/consent">
${hidden({ consent_id: options.consentId })}
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="decline">Decline</button>
</form>`)
}

export function errorPage(title: string, message: string): string {
  return layout(title, `<h1>${e(title)}</h1>\n<p role="alert">${e(message)}</p>`)
}

export function callbackPage(params: URLSearchParams): string {
  const rows = [...params].map(([k, v]) => `<dt>${e(k)}</dt><dd><code>${e(v)}</code></dd>`).join('\n')
  const title = params.has('error') ? 'Authorization declined' : 'Authorization complete'
  return layout(title, `<h1>${title}</h1>\n<dl>\n${rows}\n</dl>`)
}

export function signedOutPage(): string {
  return layout('Signed out', '<h1>You are signed out</h1>')
}
