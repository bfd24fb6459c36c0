// Error codes that cross the bridge. Main throws AppError; the router turns it into { code, message }.
// Messages are written for people and never contain a secret or a token.

export const ERROR_CODES = [
  // bridge and generic
  'VALIDATION',
  'FORBIDDEN_SENDER',
  'UNKNOWN_CHANNEL',
  'INTERNAL',
  'NOT_FOUND',
  'CONFLICT',
  'CANCELLED',
  'TIMEOUT',
  'FILE_IO',
  // vault and store
  'VAULT_LOCKED',
  'VAULT_BAD_PASSPHRASE',
  'VAULT_DECRYPT_FAILED',
  'VAULT_PROTECTION_INSECURE',
  'VAULT_NOT_INITIALISED',
  'STORE_CORRUPT',
  'STORE_TOO_LARGE',
  // authentication
  'AUTH_INVALID_GRANT',
  'AUTH_INVALID_CLIENT',
  'AUTH_ACCESS_DENIED',
  'AUTH_STATE_MISMATCH',
  'AUTH_REDIRECT_MISMATCH',
  'AUTH_FLOW_PENDING',
  'AUTH_FLOW_CANCELLED',
  'AUTH_FLOW_TIMEOUT',
  'AUTH_TOKEN_ENDPOINT',
  'AUTH_RESPONSE_INVALID',
  'AUTH_NOT_CONNECTED',
  'AUTH_RECONNECT_NEEDED',
  'AUTH_SECRET_MISSING',
  /** The connect window landed on Zoom's "Invalid redirect" page (4700): the redirect URL is not registered. */
  'AUTH_REDIRECT_NOT_REGISTERED',
  /** The connect window landed on another Zoom error page instead of the sign-in. */
  'AUTH_ZOOM_ERROR_PAGE',
  // Zoom API
  'ZOOM_RATE_LIMITED',
  'ZOOM_SCOPE_MISSING',
  'ZOOM_UNAUTHORIZED',
  'ZOOM_NOT_FOUND',
  'ZOOM_BAD_REQUEST',
  'ZOOM_SERVER_ERROR',
  'ZOOM_RESPONSE_INVALID',
  'NETWORK',
  /** The proxy the system settings name for a URL would not open the tunnel (407, 403, …) or was unreachable. */
  'NETWORK_PROXY_REFUSED',
  /** The system settings name only proxies main cannot use (SOCKS), or could not be read. */
  'NETWORK_PROXY_UNSUPPORTED',
  'DOMAIN_NOT_ALLOWED',
  // data
  'DOWNLOAD_SIZE_MISMATCH',
  /** Something other than a plain file (a symbolic link, a folder, a device) is where a download writes. */
  'DOWNLOAD_PATH_REFUSED',
  'EXPORT_FAILED',
  // the app's own updates
  'UPDATES_UNAVAILABLE',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface FieldIssue {
  /** Dotted path of the offending field, '' for the whole input. */
  path: string
  message: string
}

/** Extra, non-secret facts about an error, e.g. what Zoom said. */
export interface ErrorDetails {
  issues?: FieldIssue[]
  httpStatus?: number
  zoomCode?: number | string
  zoomMessage?: string
  trackingId?: string
  retryAfterMs?: number
  acceptedScopes?: string[]
  /** The redirect URL to register at Zoom (AUTH_REDIRECT_NOT_REGISTERED). */
  redirectUri?: string
}

export interface BridgeError {
  code: ErrorCode
  message: string
  details?: ErrorDetails
}

export class AppError extends Error {
  override readonly name = 'AppError'
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message)
  }

  toBridge(): BridgeError {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message }
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError
