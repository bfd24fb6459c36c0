// What the console knows of the operation a request is: which of Zoom's documented operations a
// method and path are (a template `/users/{userId}` or a filled path `/users/me` alike), its
// request body checked against the request schema before sending, and a response checked
// against the documented success answer.
import type { BodySchemaCheck, ResponseSchemaCheck } from '../../common/contract/console'
import type { CatalogIndex } from '../../common/contract/catalog'
import { apiPathOf, findTemplate } from '../../common/zoom/api/match-path'
import type { ApiMethod, ApiOperation } from '../../common/zoom/api/types'
import type { Logger } from '../log/logger'
import { SchemaChecker } from './schema-check'

/** The part of the API catalog the console reads (main/catalog's ApiCatalogService). */
export interface OperationCatalog {
  index(): Promise<CatalogIndex>
  /** The index if already read: a request being sent never waits for Zoom's files to be fetched. */
  readonly loadedIndex: CatalogIndex | undefined
  operation(method: ApiMethod, path: string): Promise<ApiOperation | undefined>
}

export interface ResponseForCheck {
  status: number
  body: string
  truncated: boolean
  contentType?: string
}

export class OperationSchemas {
  private readonly checker = new SchemaChecker()
  private readonly templates = new WeakMap<CatalogIndex, Map<string, string[]>>()

  constructor(
    private readonly catalog: OperationCatalog,
    private readonly log?: Logger,
  ) {}

  /** The documented operation `method url` is, from an index already read; undefined when unknown. */
  private async resolve(index: CatalogIndex | undefined, method: ApiMethod, url: string): Promise<ApiOperation | undefined> {
    if (!index || index.state !== 'ready') return undefined
    let byMethod = this.templates.get(index)
    if (!byMethod) {
      byMethod = new Map()
      for (const op of index.operations) byMethod.set(op.method, [...(byMethod.get(op.method) ?? []), op.path])
      this.templates.set(index, byMethod)
    }
    const template = findTemplate(byMethod.get(method) ?? [], apiPathOf(url))
    return template === undefined ? undefined : this.catalog.operation(method, template)
  }

  /**
   * The base URL Zoom documents for the operation `method url` when it is not the API host's
   * (uploads on fileapi.zoom.us), from the catalog already read. `wait` reads the catalog first
   * when it has not been: an upload sent to the wrong host only fails, so it may wait for it.
   */
  async documentedServer(method: ApiMethod, url: string, wait: boolean): Promise<string | undefined> {
    const index = this.catalog.loadedIndex ?? (wait ? await this.catalog.index() : undefined)
    return (await this.resolve(index, method, url))?.server
  }

  /**
   * The body's differences from the operation's request schema. Waits for the catalog (the person
   * asked for this check); an operation Zoom's files do not describe is simply not checked.
   */
  async checkBody(method: ApiMethod, url: string, body: string): Promise<BodySchemaCheck> {
    const op = await this.resolve(await this.catalog.index(), method, url)
    if (!op) return { checked: false, issues: [], note: 'Zoom’s API files do not describe this request: the body is not checked.' }
    const operation = { method: op.method, path: op.path }
    const schema = op.requestBody?.schema
    if (!schema) return { operation, checked: false, issues: [], note: 'Zoom documents no request body schema for this operation.' }
    let value: unknown
    try {
      value = JSON.parse(body.trim() === '' ? 'null' : body)
    } catch (error) {
      return { operation, checked: false, issues: [{ path: '$', message: `not valid JSON: ${(error as Error).message}` }] }
    }
    if (value === null && !op.requestBody?.required) return { operation, checked: true, issues: [] }
    return { operation, ...this.check(value, schema, op) }
  }

  /**
   * The response's differences from the documented success answer, or undefined when the
   * request is not a documented operation (or the catalog has not been read yet).
   */
  async checkResponse(method: ApiMethod, url: string, response: ResponseForCheck): Promise<ResponseSchemaCheck | undefined> {
    const op = await this.resolve(this.catalog.loadedIndex, method, url)
    if (!op) return undefined
    const operation = { method: op.method, path: op.path }
    if (response.status < 200 || response.status >= 300) return { operation, checked: false, issues: [], note: 'Only a success answer is checked: Zoom’s files do not describe error bodies.' }
    if (!op.responseSchema) return { operation, checked: false, issues: [], note: 'Zoom documents no response body for this operation.' }
    if (response.truncated) return { operation, checked: false, issues: [], note: 'The response was too large to check whole.' }
    if (response.contentType !== undefined && !/json/i.test(response.contentType)) return { operation, checked: false, issues: [], note: 'The response is not JSON.' }
    let value: unknown
    try {
      value = JSON.parse(response.body)
    } catch {
      return { operation, checked: true, issues: [{ path: '$', message: 'the body is not valid JSON' }] }
    }
    return { operation, ...this.check(value, op.responseSchema, op) }
  }

  private check(value: unknown, schema: NonNullable<ApiOperation['responseSchema']>, op: ApiOperation): Pick<BodySchemaCheck, 'checked' | 'issues' | 'note'> {
    try {
      return { checked: true, issues: this.checker.check(value, schema) }
    } catch (error) {
      // A schema ajv cannot compile (an odd pattern, say) is Zoom's file's problem, not the request's.
      this.log?.warn('schema not usable', { operation: `${op.method} ${op.path}`, error: error instanceof Error ? error.message : String(error) })
      return { checked: false, issues: [], note: 'Zoom’s schema for this operation could not be used for checking.' }
    }
  }
}
