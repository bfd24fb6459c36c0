// The Zoom client of Zoom Connect (DESIGN.md, "The Zoom client").
//
// For core.ts:
//   createZoomClients({ tokens: TokenProvider, profiles: ProfileLookup, log?, clock?,
//                       retry?: Partial<RetryPolicy>, timeouts?: Partial<ZoomTimeouts>,
//                       rateLimiting?: boolean, limiter?: { headroom?, maxWaitMs? } }): ZoomClients
//     .forProfile(profileId): ZoomClient   — cached; rebuilt when profile.updatedAt changes
//     .rateUsage(profileId): RateUsage[]    — for data.rateUsage
//     .forget(profileId): void
//   createConsoleHandlers(...) lives in main/console (HandlersFor<'console'>).
//
// ZoomClient (one per profile; see client.ts):
//   request<T>({ method?, path, searchParams?, json?, signal?, family?, category? }): Promise<ZoomResponse<T>>
//   get<T>(path, { searchParams?, signal?, family?, category? }?): Promise<T>
//   paginate<T>({ path, listKey, altListKeys?, idKeys?, pageSize?, paginated?, searchParams?,
//                 family?, category?, signal?, maxRestarts? }): AsyncGenerator<ZoomPage<T>>
//   stream(url, { range?: { start, end? }, signal? }): Promise<ZoomStream>   — recording downloads
//   send(RawRequest): Promise<RawResponse>                                   — the console
//   resolve(pathOrUrl): URL; rateUsage(): RateUsage[]; profileId; apiBase
// Catalog-aware helpers (resources.ts): listPages(client, resourceId, { userId?, params?, signal? })
// and getDetail(client, resourceId, id, { params?, signal? }).
//
// Every failure is an AppError: ZOOM_* with details { httpStatus, zoomCode, zoomMessage,
// trackingId, retryAfterMs, acceptedScopes }, NETWORK, TIMEOUT, CANCELLED, DOMAIN_NOT_ALLOWED.
export { createZoomClients, type ZoomClients, type ZoomClientsOptions } from './clients'
export { ZoomClient, type HttpMethod, type RawRequest, type RawResponse, type StreamOptions, type ZoomRequest, type ZoomResponse, type ZoomStream } from './client'
export { paginate, isExpiredPageToken, type PaginateRequest, type ZoomPage, type Query, type QueryValue } from './paginate'
export { listPages, getDetail, type ListPagesOptions } from './resources'
export { toZoomError, errorFromResponse } from './errors'
export { AccountRateLimiter, type RateLimiterOptions } from './rate-limiter'
export { DEFAULT_RETRY, type RetryPolicy } from './retry'
export { DEFAULT_TIMEOUTS, type ZoomTimeouts } from './http'
export type { AccessToken, AccessTokenOptions, ProfileLookup, TokenProvider } from './ports'
