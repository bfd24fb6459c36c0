// What an HTTP request needs from the token manager, declared once: the token manager implements
// TokenProvider, and the Zoom client and the event socket consume it.

/** The bearer a request sends, and where it may go. */
export interface BearerToken {
  accessToken: string
  /** The token response's regional API base (`api_url`), without a trailing slash, when Zoom sent one. */
  apiUrl?: string
  /** The profile's API base when the token was minted: a client built for another one must not send it. */
  apiBase?: string
}

/** A token as the token manager hands it out: the bearer and when it stops working (epoch ms). */
export interface AccessToken extends BearerToken {
  expiresAt: number
}

export interface AccessTokenOptions {
  /** Renew even if the cached token looks fresh (e.g. Zoom answered 401 code 124). */
  forceRefresh?: boolean
  /**
   * With forceRefresh: the token Zoom rejected. If another caller already replaced it, the
   * replacement is returned without a second renewal, so twenty 401s cause one refresh.
   */
  rejectedToken?: string
  /** Stops this caller waiting; the shared renewal continues for the others. */
  signal?: AbortSignal
}

/**
 * A valid access token for the profile, or a typed AppError. `T` is what the consumer reads:
 * the Zoom client needs only the bearer (`BearerToken`), the event socket also the expiry.
 */
export interface TokenProvider<T extends BearerToken = AccessToken> {
  getAccessToken(profileId: string, options?: AccessTokenOptions): Promise<T>
  /**
   * The profile's access and refresh tokens held now, for scrubbing an answer that quotes them
   * back (main/zoom/echoed-secrets.ts); never sent anywhere. Absent: only the bearer sent is known.
   */
  currentSecrets?(profileId: string): readonly string[]
}
