// An ApiFileSource serving Zoom's OpenAPI files from a folder, answering conditional requests the
// way an HTTP server does (RFC 9110 §13.1.2: If-None-Match matching the current ETag → 304). The
// ETag is a hash of the file, as Zoom's CDN gives a strong validator per content. `offline` makes
// every request fail like a network error; `replace` serves other text for a product.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { AppError } from '../../common/errors'
import type { ApiProductName } from '../../common/zoom/api/products'
import type { ApiFileAnswer, ApiFileSource, ApiFileValidators } from '../../main/catalog'

export class FolderApiFiles implements ApiFileSource {
  offline = false
  readonly requests: { product: ApiProductName; validators: ApiFileValidators }[] = []
  readonly replaced = new Map<ApiProductName, string>()

  constructor(private readonly dir: string) {}

  async fetch(product: ApiProductName, validators: ApiFileValidators): Promise<ApiFileAnswer> {
    this.requests.push({ product, validators })
    if (this.offline) throw new AppError('NETWORK', 'offline (test)')
    const text = this.replaced.get(product) ?? (await readFile(path.join(this.dir, `${product}.json`), 'utf8'))
    const etag = `"${createHash('sha256').update(text).digest('hex').slice(0, 16)}"`
    if (validators.etag === etag) return { kind: 'unchanged' }
    return { kind: 'fresh', text, etag }
  }
}
