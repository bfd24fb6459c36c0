// How a token-endpoint failure is classified decides what happens to stored tokens
// (security.md §4.2): only `invalid_grant` ends a grant; a rejected request (bad client, bad
// parameters) needs the person; everything else is transient and keeps the tokens.
import { AppError, type ErrorCode, type ErrorDetails } from '../../common/errors'

export type TokenFailureKind = 'grant-ended' | 'rejected' | 'transient'

export class TokenEndpointError extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly kind: TokenFailureKind,
    details?: ErrorDetails,
  ) {
    super(code, message, details)
  }
}

export const isTokenEndpointError = (error: unknown): error is TokenEndpointError => error instanceof TokenEndpointError
