// The Zoom client of Zoom Connect (DESIGN.md, "The Zoom client").
//
// For core.ts:
//   const zoom = createZoomClients({
//     tokens: TokenProvider,        // the TokenManager satisfies it (getAccessToken(id, { forceRefresh?, rejectedToken?, signal? }))
//     profiles: ProfileLookup,      // get(id): Profile, throws AppError('NOT_FOUND')
//     log?: Logger, clock?: Clock,
//     retry?: Partial<RetryPolicy>,            // default { limit: 4, baseDelayMs: 400, maxDelayMs: 8000, maxRetryAfterMs: 60000 }
//     timeouts?: Partial<ZoomTimeouts>,        // default { connect: 10s, response: 30s, read: 60s, idle: 60s }
//     rateLimiting?: boolean,                  // default true; false = no client-side pacing
//     limiter?: { headroom?: number, maxWaitMs?: number, sleep?, dailyCaps? },
//   }): ZoomClients
//   zoom.forProfile(profileId): ZoomClient   — cached; rebuilt when profile.updatedAt changes
//   zoom.rateUsage(profileId): RateUsage[]    — data.rateUsage (limiter shared per account)
//   zoom.forget(profileId): void              — after a profile is deleted
//   The console: main/console (ConsoleService, openConsoleHistory) + main/ipc/handlers/console.ts
//   (createConsoleHandlers(service): HandlersFor<'console'>).
//
// ZoomClient (one per profile; client.ts):
//   request<T>({ method?, path, searchParams?, json?, signal?, family?, category? }): Promise<ZoomResponse<T>>
//       → { status, headers, body, trackingId?, waits }
//   get<T>(path, { searchParams?, signal?, family?, category? }?): Promise<T>
//   paginate<T>(PaginateRequest): AsyncGenerator<ZoomPage<T>>
//       PaginateRequest { path, listKey, altListKeys?, idKeys?, pageSize?, paginated?, searchParams?,
//                         family?, category?, signal?, maxRestarts?, cursor? }
//       cursor: PageCursor (newPageCursor()) — a listing tried again goes on where the last try stopped
//       ZoomPage { items, index, totalRecords?, rateLimitWaits, restarted, skipped }
//   stream(url, { range?: { start, end? }, ifRange?, signal? }): Promise<ZoomStream { status, headers, body, url }>
//   send(RawRequest): Promise<RawResponse>    — the console's exact request, no retries
//   resolve(pathOrUrl): URL; rateUsage(): RateUsage[]; profileId; apiBase
// Catalog-aware (resources.ts; lists are fetched by main/data/jobs/list-pages.ts):
//   getDetail<T>(client, DetailResourceId, id, { params?, signal? }): Promise<T>
//
// Every failure is an AppError: ZOOM_RATE_LIMITED, ZOOM_SCOPE_MISSING, ZOOM_UNAUTHORIZED,
// ZOOM_NOT_FOUND, ZOOM_BAD_REQUEST, ZOOM_SERVER_ERROR, ZOOM_RESPONSE_INVALID (details:
// httpStatus, zoomCode, zoomMessage, trackingId, retryAfterMs, acceptedScopes), NETWORK, TIMEOUT,
// CANCELLED, DOMAIN_NOT_ALLOWED, VALIDATION (bad parameters), or what the token manager threw.
export { createZoomClients, type ZoomClients, type ZoomClientsOptions } from './clients'
export { ZoomClient, type HttpMethod, type RawRequest, type RawResponse, type StreamOptions, type ZoomRequest, type ZoomResponse, type ZoomStream } from './client'
export { paginate, isExpiredPageToken, newPageCursor, type PageCursor, type PaginateRequest, type ZoomPage, type Query, type QueryValue } from './paginate'
export { getDetail } from './resources'
export { toZoomError, errorFromResponse } from './errors'
export { AccountRateLimiter, type RateLimiterOptions } from './rate-limiter'
export { DEFAULT_RETRY, type RetryPolicy } from './retry'
export { DEFAULT_TIMEOUTS, type ZoomTimeouts } from './http'
export type { AccessToken, AccessTokenOptions, ProfileLookup, TokenProvider } from './ports'
