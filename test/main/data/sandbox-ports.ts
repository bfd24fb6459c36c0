// Stand-ins for the Zoom client's ports, talking plain HTTP to the sandbox with an S2S token:
// enough retry logic to survive injected faults (5xx, resets, truncated JSON, 429) and expired
// page tokens, so the data side can be tested before (and independently of) main/zoom/.
import { AppError } from '../../../common/errors'
import type { ListResourceId } from '../../../common/zoom/resource-ids'
import type { DownloadSource, Page, PageRequest, PageSource } from '../../../main/data/ports'
import type { Sandbox } from '../../sandbox'
import { httpGet } from '../downloads/http-source'

const LISTS: Record<ListResourceId, { path: (userId?: string) => string; key: string; pageSize: number }> = {
  users: { path: () => '/users', key: 'users', pageSize: 2000 },
  meetings: { path: (u) => `/users/${u}/meetings`, key: 'meetings', pageSize: 300 },
  webinars: { path: (u) => `/users/${u}/webinars`, key: 'webinars', pageSize: 300 },
  recordings: { path: (u) => `/users/${u}/recordings`, key: 'meetings', pageSize: 300 },
  'report.daily': { path: () => '/report/daily', key: 'dates', pageSize: 300 },
  'report.hosts': { path: () => '/report/users', key: 'users', pageSize: 300 },
  'phone.users': { path: () => '/phone/users', key: 'users', pageSize: 100 },
  'phone.callHistory': { path: () => '/phone/call_history', key: 'call_logs', pageSize: 300 },
}

export interface SandboxPorts extends PageSource, DownloadSource {
  /** Requests sent to /v2 (including retries). */
  requests: number
  token(): Promise<string>
}

export function sandboxPorts(sandbox: Sandbox, options: { pageSize?: number; attempts?: number } = {}): SandboxPorts {
  let token: Promise<string> | undefined
  const attempts = options.attempts ?? 8
  const mint = async (): Promise<string> => {
    const { accountId, clientId, clientSecret } = sandbox.apps.s2s
    const response = await fetch(`${sandbox.url}/oauth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'account_credentials', account_id: accountId }).toString(),
    })
    if (!response.ok) throw new Error(`token endpoint answered ${response.status}`)
    return ((await response.json()) as { access_token: string }).access_token
  }
  const ports: SandboxPorts = {
    requests: 0,
    token: () => (token ??= mint()),
    async *pages(request: PageRequest): AsyncIterable<Page> {
      const list = LISTS[request.resource]
      let pageToken = ''
      let restarts = 0
      for (;;) {
        const query = new URLSearchParams({ ...stringify(request.params), page_size: String(options.pageSize ?? list.pageSize) })
        if (pageToken) query.set('next_page_token', pageToken)
        const url = `${sandbox.url}/v2${list.path(request.userId && encodeURIComponent(request.userId))}?${query}`
        const body = await getJson(url, request.signal)
        if (body === 'expired-token') {
          if (++restarts > 3) throw new AppError('ZOOM_BAD_REQUEST', 'Page token kept expiring.')
          pageToken = ''
          continue
        }
        const items = (body[list.key] ?? []) as unknown[]
        yield { items, ...(typeof body.total_records === 'number' ? { totalRecords: body.total_records } : {}) }
        pageToken = typeof body.next_page_token === 'string' ? body.next_page_token : ''
        if (!pageToken) return
      }
    },
    async open(_profileId, url, { start, signal }) {
      return httpGet(url, { start, signal, headers: { authorization: `Bearer ${await ports.token()}` } })
    },
  }

  async function getJson(url: string, signal: AbortSignal): Promise<Record<string, unknown> | 'expired-token'> {
    let lastError: unknown
    for (let attempt = 0; attempt < attempts; attempt++) {
      signal.throwIfAborted()
      try {
        ports.requests++
        const response = await fetch(url, { signal, headers: { authorization: `Bearer ${await ports.token()}` } })
        const text = await response.text()
        if (response.status === 429 || response.status >= 500) throw new Error(`HTTP ${response.status}`)
        const body = JSON.parse(text) as Record<string, unknown>
        if (response.status === 400 && body.code === 300) return 'expired-token'
        if (response.status === 404) throw new AppError('ZOOM_NOT_FOUND', String(body.message), { httpStatus: 404, zoomCode: body.code as number })
        if (!response.ok) throw new AppError('ZOOM_BAD_REQUEST', String(body.message), { httpStatus: response.status, zoomCode: body.code as number })
        return body
      } catch (error) {
        if (error instanceof AppError || signal.aborted) throw error
        lastError = error
        await new Promise((resolve) => setTimeout(resolve, 2 * attempt))
      }
    }
    throw new AppError('ZOOM_SERVER_ERROR', `Gave up after ${attempts} attempts: ${String(lastError)}`)
  }
  return ports
}

function stringify(params: Record<string, string | number | boolean>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]))
}
