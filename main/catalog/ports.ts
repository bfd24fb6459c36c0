// Where main gets Zoom's OpenAPI files from: Zoom's API hub over HTTP in the app
// (http-api-files.ts), a folder of copies in tests.
import type { ApiProductName } from '../../common/zoom/api/products'

/** What the last copy was served with, for a conditional request. */
export interface ApiFileValidators {
  etag?: string
  lastModified?: string
}

export type ApiFileAnswer =
  | { kind: 'fresh'; text: string; etag?: string; lastModified?: string }
  /** HTTP 304: the copy on disk is still Zoom's current file. */
  | { kind: 'unchanged' }

export interface ApiFileSource {
  /** Throws (NETWORK and the like) when the file cannot be had; the caller keeps its last copy. */
  fetch(product: ApiProductName, validators: ApiFileValidators, signal?: AbortSignal): Promise<ApiFileAnswer>
}
