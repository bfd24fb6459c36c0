// The key a view is cached under: its own file because it needs node:crypto, which view.ts (read
// by the renderer's fake datasets in a browser bundle) must not import.
import { createHash } from 'node:crypto'
import { normaliseSpec, type ViewSpec } from './view'

/** A SHA-256 of the normalised spec: a cached view costs 64 characters, however large its filter. */
export function viewKey(spec: ViewSpec): string {
  return createHash('sha256').update(JSON.stringify(normaliseSpec(spec))).digest('hex')
}
