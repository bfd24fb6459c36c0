// session.setProxy / session.resolveProxy (docs/api/session.md, structures/proxy-config.md):
// mode 'direct' → DIRECT; 'fixed_servers' (or proxyRules given) → Chromium's proxy rules
// "[scheme=]host:port;…" with proxyBypassRules; 'system' → whatever the test sets as the system
// proxy (DIRECT by default). Loopback hosts always bypass a proxy unless '<-loopback>' is listed
// (Chromium's net/proxy_resolution/proxy_bypass_rules.cc). PAC scripts are not emulated.
// Only the answer of resolveProxy is emulated: Chromium's own page traffic is not re-routed.
export interface ProxyConfig {
  mode?: 'direct' | 'auto_detect' | 'pac_script' | 'fixed_servers' | 'system'
  pacScript?: string
  proxyRules?: string
  proxyBypassRules?: string
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

function ruleToPac(server: string): string {
  const match = /^(?:([a-z0-9]+):\/\/)?(.+)$/i.exec(server.trim())!
  const scheme = (match[1] ?? 'http').toLowerCase()
  const kind = scheme === 'socks4' ? 'SOCKS' : scheme.startsWith('socks') ? 'SOCKS5' : scheme === 'https' ? 'HTTPS' : 'PROXY'
  return `${kind} ${match[2]}`
}

function bypassed(url: URL, rules: string): boolean {
  const list = rules.split(/[,;]/).map((r) => r.trim()).filter(Boolean)
  if (LOOPBACK.has(url.hostname) && !list.includes('<-loopback>')) return true
  return list.some((rule) => {
    if (rule === '<local>') return !url.hostname.includes('.')
    const host = rule.replace(/^[a-z]+:\/\//i, '')
    if (host.startsWith('*.') || host.startsWith('.')) return url.hostname.endsWith(host.replace(/^\*/, ''))
    return url.hostname === host || url.host === host
  })
}

export function resolveWithConfig(config: ProxyConfig, url: string, system: (url: string) => string): string {
  const mode = config.mode ?? (config.pacScript ? 'pac_script' : config.proxyRules ? 'fixed_servers' : 'direct')
  if (mode === 'direct') return 'DIRECT'
  if (mode === 'system') return system(url)
  if (mode === 'pac_script' || mode === 'auto_detect') throw new Error(`not emulated: proxy mode ${mode}`)
  const target = new URL(url)
  if (bypassed(target, config.proxyBypassRules ?? '')) return 'DIRECT'
  const scheme = target.protocol.slice(0, -1)
  const rules = (config.proxyRules ?? '').split(';').map((r) => r.trim()).filter(Boolean)
  const forScheme = rules.find((r) => r.startsWith(`${scheme}=`)) ?? rules.find((r) => !/^[a-z]+=/.test(r))
  if (!forScheme) return 'DIRECT'
  return forScheme.replace(/^[a-z]+=/, '').split(',').map(ruleToPac).join('; ')
}
