// Zoom's OpenAPI files (../shared/zoom-openapi next to the repository), read once per process the
// first time a request needs them: reading and parsing all 31 takes ~0.3 s, which sandbox start
// must not pay. Without the folder the generic GETs are off and only the hand-written endpoints
// answer.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { assembleApiCatalog, parseApiFile } from '../../../../common/zoom/api/parse'
import { API_PRODUCT_NAMES } from '../../../../common/zoom/api/products'
import type { ApiCatalog } from '../../../../common/zoom/api/types'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..')
/** Where tests and the sandbox read Zoom's files: beside the repository, never inside it. */
export const OPENAPI_DIR = path.resolve(repoRoot, '../shared/zoom-openapi')

/** An error a GET documents for its 404 answer: Zoom's code and message (with `{param}` placeholders). */
export interface DocumentedError {
  code: number
  message: string
}

export interface ZoomFiles {
  catalog: ApiCatalog
  /** Per GET path template, the errors its 404 answer documents, in the file's order. */
  notFound: ReadonlyMap<string, readonly DocumentedError[]>
  /** Per GET path template, the errors its 400 answer documents (bad dates among them), in the file's order. */
  badRequest: ReadonlyMap<string, readonly DocumentedError[]>
}

const loaded = new Map<string, ZoomFiles | undefined>()

/** The products whose file is in `dir`. */
export function availableProducts(dir: string = OPENAPI_DIR): string[] {
  return API_PRODUCT_NAMES.filter((name) => existsSync(path.join(dir, `${name}.json`)))
}

/** The catalog of the files in `dir`, or undefined when there are none. */
export function loadZoomFiles(dir: string = OPENAPI_DIR): ZoomFiles | undefined {
  if (loaded.has(dir)) return loaded.get(dir)
  const products = availableProducts(dir)
  let files: ZoomFiles | undefined
  if (products.length > 0) {
    const notFound = new Map<string, DocumentedError[]>()
    const badRequest = new Map<string, DocumentedError[]>()
    const parsed = products.map((name) => {
      const document = JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8')) as unknown
      collectErrors(document, '404', notFound)
      collectErrors(document, '400', badRequest)
      return parseApiFile(name, document)
    })
    files = { catalog: assembleApiCatalog(parsed), notFound, badRequest }
  }
  loaded.set(dir, files)
  return files
}

// Zoom writes each documented error into the response's description:
// "**Error Code:** `1012` <br>\n Zoom Room ID does not exist: {roomId}. <br>\n".
const ERROR_ENTRY = /\*\*Error Code:\*\*\s*`(\d+)`\s*(?:<br>)?\s*([^<]*)/g

function collectErrors(document: unknown, status: string, into: Map<string, DocumentedError[]>): void {
  const paths = (document as { paths?: Record<string, { get?: { responses?: Record<string, { description?: unknown }> } }> }).paths ?? {}
  for (const [template, item] of Object.entries(paths)) {
    const description = item.get?.responses?.[status]?.description
    if (typeof description !== 'string') continue
    const errors: DocumentedError[] = []
    for (const match of description.matchAll(ERROR_ENTRY)) {
      const message = match[2]!.replace(/\s+/g, ' ').trim()
      if (message !== '') errors.push({ code: Number(match[1]), message })
    }
    into.set(template, errors)
  }
}
