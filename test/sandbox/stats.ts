// Counters other tests assert on (e.g. "1,000 callers caused exactly 1 token request").
// Never holds token values.
export interface SandboxStats {
  /** Token-endpoint requests by grant_type as sent (unknown/missing grouped as 'other'). */
  tokenRequests: Record<string, number>
  /** Token-endpoint requests by client authentication: 'basic' | 'body' | 'public' | 'none'. */
  tokenClientAuth: Record<string, number>
  /** Token-endpoint responses by HTTP status. */
  tokenResponses: Record<string, number>
  revocations: number
  authorizePages: number
  /** `METHOD /v2/route/{pattern}` → status → count. */
  api: Record<string, Record<string, number>>
  apiTotal: number
  downloads: Record<string, number>
  /** Faults that fired, by kind. */
  faults: Record<string, number>
}

export class StatsRecorder {
  private data: SandboxStats = StatsRecorder.empty()

  private static empty(): SandboxStats {
    return {
      tokenRequests: {}, tokenClientAuth: {}, tokenResponses: {}, revocations: 0, authorizePages: 0,
      api: {}, apiTotal: 0, downloads: {}, faults: {},
    }
  }

  tokenRequest(grantType: string, clientAuth: string): void {
    bump(this.data.tokenRequests, grantType)
    bump(this.data.tokenClientAuth, clientAuth)
  }

  tokenResponse(status: number): void {
    bump(this.data.tokenResponses, String(status))
  }

  revocation(): void {
    this.data.revocations++
  }

  authorizePage(): void {
    this.data.authorizePages++
  }

  apiRequest(route: string, status: number): void {
    let byStatus = this.data.api[route]
    if (byStatus === undefined) this.data.api[route] = byStatus = {}
    bump(byStatus, String(status))
    this.data.apiTotal++
  }

  download(status: number): void {
    bump(this.data.downloads, String(status))
  }

  fault(kind: string): void {
    bump(this.data.faults, kind)
  }

  snapshot(): SandboxStats {
    return structuredClone(this.data)
  }

  reset(): void {
    this.data = StatsRecorder.empty()
  }
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1
}
