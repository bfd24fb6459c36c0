// Requests for an operation Zoom's files document but the sandbox does not serve (a write with
// no hand-written handler, an upload it does not read): the sandbox cannot answer as Zoom would,
// so it says so instead of claiming, with Zoom's 404/2300, that Zoom has no such endpoint.
import type { ApiOperation } from '../../../../common/zoom/api/types'
import { zoomError, type ApiResponse } from '../responses'
import { ApiRouter } from '../router'
import type { ZoomFiles } from './zoom-files'

export class DocumentedOperations {
  private readonly router: ApiRouter<ApiOperation>

  constructor(files: ZoomFiles) {
    this.router = new ApiRouter(files.catalog.operations)
  }

  /** The operation of Zoom's files at `path` (as the files write it) for `method` (lower-case), if any. */
  find(path: string, method: string): ApiOperation | undefined {
    return this.router.match(path, method)?.op
  }
}

/**
 * The refusal for an operation Zoom documents that the sandbox does not emulate (400/300, as its
 * other refusals); `what` names the part of it not emulated (`the filter "…" on`).
 */
export function notEmulated(method: string, path: string, what?: string): ApiResponse {
  return zoomError(400, 300, `The sandbox does not emulate ${what ? `${what} ` : ''}${method.toUpperCase()} ${path} (not emulated).`)
}
