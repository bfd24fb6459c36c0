// What a REST handler returns: a status and JSON text (pre-serialised, so hot paths can splice
// cached fragments), or Zoom's error envelope.
export interface ApiResponse {
  status: number
  /** JSON text, or its UTF-8 pieces (so cached page items are written without copying). */
  json: string | readonly Buffer[]
  headers?: Record<string, string>
  /** Default: JSON. */
  contentType?: string
}

export function ok(body: unknown): ApiResponse {
  return { status: 200, json: JSON.stringify(body) }
}

/** Zoom's REST error envelope: `{"code": <int>, "message": "<text>"}`. */
export function zoomError(status: number, code: number, message: string): ApiResponse {
  return { status, json: JSON.stringify({ code, message }) }
}

export const Errors = {
  invalidToken: () => zoomError(401, 124, 'Invalid access token.'),
  expiredToken: () => zoomError(401, 124, 'Access token is expired.'),
  tokenInQuery: () => zoomError(401, 124, 'Invalid access token, this access token is not supported as query parameter string.'),
  missingScopes: (scopes: readonly string[]) => zoomError(400, 4711, `Invalid access token, does not contain scopes:[${scopes.join(', ')}].`),
  userNotFound: (userId: string) => zoomError(404, 1001, `User does not exist: ${userId}.`),
  meetingNotFound: (meetingId: string) => zoomError(404, 3001, `Meeting does not exist: ${meetingId}.`),
  badPageToken: (code = 300) => zoomError(400, code, 'The next page token is invalid or expired.'),
  validation: (message: string) => zoomError(400, 300, message),
  noPermission: (message = 'No permission.') => zoomError(400, 200, message),
  notRecognized: () => zoomError(404, 2300, 'This API endpoint is not recognized.'),
}
