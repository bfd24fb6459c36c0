// The last copy of each of Zoom's OpenAPI files in the data folder, with what it was served with
// (ETag, Last-Modified) and when it was last checked against Zoom: `<Product>.json` and
// `<Product>.meta.json`.
import path from 'node:path'
import type { ApiProductName } from '../../common/zoom/api/products'
import { PUBLIC_DOCUMENT_MAX_BYTES } from '../net/public-text'
import { ensureDirectory, isErrno, writeFileAtomic } from '../store/atomic-file'
import { readTextWithin } from '../store/read-capped'
import type { ApiFileValidators } from './ports'

/** A copy is never larger than what was accepted from Zoom; its record is a few lines of JSON. */
const MAX_COPY_BYTES = PUBLIC_DOCUMENT_MAX_BYTES
const MAX_META_BYTES = 64 * 1024

export interface ApiFileMeta extends ApiFileValidators {
  /** When Zoom was last asked about this file (ms since epoch). */
  checkedAt: number
}

export interface CachedApiFile {
  text: string
  meta: ApiFileMeta
}

function parseMeta(text: string): ApiFileMeta | undefined {
  try {
    const raw = JSON.parse(text) as Record<string, unknown>
    if (typeof raw.checkedAt !== 'number') return undefined
    return {
      checkedAt: raw.checkedAt,
      ...(typeof raw.etag === 'string' ? { etag: raw.etag } : {}),
      ...(typeof raw.lastModified === 'string' ? { lastModified: raw.lastModified } : {}),
    }
  } catch {
    return undefined
  }
}

export class ApiFileCache {
  constructor(private readonly dir: string) {}

  private paths(product: ApiProductName): { file: string; meta: string } {
    return { file: path.join(this.dir, `${product}.json`), meta: path.join(this.dir, `${product}.meta.json`) }
  }

  /**
   * The last copy, or undefined when there is none (or its record is unreadable: fetched again).
   * A copy or record larger than it can be is refused (STORE_TOO_LARGE) without being read.
   */
  async read(product: ApiProductName): Promise<CachedApiFile | undefined> {
    const paths = this.paths(product)
    try {
      const [text, metaText] = await Promise.all([readTextWithin(paths.file, MAX_COPY_BYTES), readTextWithin(paths.meta, MAX_META_BYTES)])
      const meta = parseMeta(metaText)
      return meta ? { text, meta } : undefined
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return undefined
      throw error
    }
  }

  /** Only the record of the last copy (when it was checked), without reading the copy itself. */
  async readMeta(product: ApiProductName): Promise<ApiFileMeta | undefined> {
    try {
      return parseMeta(await readTextWithin(this.paths(product).meta, MAX_META_BYTES))
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return undefined
      throw error
    }
  }

  /** The file first, then its record: a crash in between leaves a copy that is checked again. */
  async write(product: ApiProductName, text: string | undefined, meta: ApiFileMeta): Promise<void> {
    await ensureDirectory(this.dir)
    const paths = this.paths(product)
    if (text !== undefined) await writeFileAtomic(paths.file, text)
    await writeFileAtomic(paths.meta, JSON.stringify(meta))
  }
}
