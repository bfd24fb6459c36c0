// `npm run catalog:stats` run as a person runs it (tsx, a child process) over Zoom's files in
// ../shared/zoom-openapi: it prints exactly one JSON line, and its figures agree with counts taken
// here straight from the files, without the app's parser.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { API_PRODUCT_NAMES } from '../../common/zoom/api/products'
import { zoomOpenApiFiles, zoomOpenApiTitle, ZOOM_OPENAPI_AVAILABLE } from '../support/zoom-openapi'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'])

function runStats(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts/catalog-stats.ts')], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.once('error', reject)
    child.once('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

interface Operation {
  path: string
  method: string
  queryNames: string[]
  /** Its success answer is an object with an array among its properties (what a list is). */
  answersArray: boolean
  /** Its success answer carries a next_page_token (it pages by it, declared as a parameter or not). */
  answersPageToken: boolean
}

type Schema = { properties?: Record<string, { type?: string }>; allOf?: Schema[] }

type OperationObject = { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }

/** The property sets of an operation's success answer (its own, and its allOf parts'). */
function answerProperties(op: OperationObject): Record<string, { type?: string }>[] {
  const success = Object.entries(op.responses ?? {}).find(([status]) => status.startsWith('2'))?.[1]
  const schema = success?.content?.['application/json']?.schema
  return [schema?.properties ?? {}, ...(schema?.allOf ?? []).map((part) => part.properties ?? {})]
}

function answersArray(op: OperationObject): boolean {
  return answerProperties(op).some((props) => Object.values(props).some((p) => p.type === 'array'))
}

/** Every (path, method) pair of the files, with its query parameters' names (own and the path's). */
function operationsOfFiles(): Operation[] {
  const operations: Operation[] = []
  for (const { document } of zoomOpenApiFiles()) {
    const paths = (document as { paths?: Record<string, Record<string, unknown>> }).paths ?? {}
    for (const [route, item] of Object.entries(paths)) {
      const shared = (item.parameters as { name: string; in: string }[] | undefined) ?? []
      for (const [method, op] of Object.entries(item)) {
        if (!HTTP_METHODS.has(method)) continue
        const own = ((op as { parameters?: { name: string; in: string }[] }).parameters ?? [])
        const queryNames = [...shared, ...own].filter((p) => p.in === 'query').map((p) => p.name)
        const answer = op as OperationObject
        operations.push({ path: route, method: method.toUpperCase(), queryNames, answersArray: answersArray(answer), answersPageToken: answerProperties(answer).some((props) => 'next_page_token' in props) })
      }
    }
  }
  return operations
}

describe.skipIf(!ZOOM_OPENAPI_AVAILABLE)(zoomOpenApiTitle('npm run catalog:stats'), () => {
  it('prints one JSON line whose figures match counts taken from the files', async () => {
    const { code, stdout, stderr } = await runStats()
    expect(code, stderr).toBe(0)
    const lines = stdout.split('\n').filter((line) => line !== '')
    expect(lines).toHaveLength(1)
    const figures = JSON.parse(lines[0]!) as Record<string, number>
    expect(Object.keys(figures)).toEqual(['products', 'operations', 'gets', 'listsBrowsable', 'paginatedLists', 'sandboxListsValidating'])

    const operations = operationsOfFiles()
    const gets = operations.filter((op) => op.method === 'GET')
    expect(figures.products).toBe(API_PRODUCT_NAMES.length)
    expect(figures.operations).toBe(operations.length)
    // GET path templates are unique across the files, so the GETs known are the GET pairs.
    expect(new Set(gets.map((op) => op.path)).size).toBe(gets.length)
    expect(figures.gets).toBe(gets.length)
    // A paginated list is a GET taking a page token or a page number (Commerce's page_num), or
    // answering a page token without declaring the parameter, or taking SCIM's startIndex and
    // count (SCIM2's users and groups).
    const scim = gets.filter((op) => op.queryNames.includes('startIndex') && op.queryNames.includes('count'))
    expect(scim.map((op) => op.path).sort()).toEqual(['/scim2/Groups', '/scim2/Users'])
    const paged = gets.filter((op) => op.queryNames.includes('next_page_token') || op.queryNames.includes('page_number') || op.queryNames.includes('page_num') || op.answersPageToken || scim.includes(op))
    expect(figures.paginatedLists).toBe(paged.length)
    // Browsable and validating lists are lists: GETs answering an object with an array of rows.
    // Most of them are browsable (the rest need a path parameter no list gives), and most validate.
    const lists = gets.filter((op) => op.answersArray)
    expect(figures.listsBrowsable).toBeGreaterThanOrEqual(paged.length)
    expect(figures.listsBrowsable).toBeLessThanOrEqual(lists.length)
    expect(figures.sandboxListsValidating).toBeGreaterThanOrEqual(figures.listsBrowsable)
    expect(figures.sandboxListsValidating).toBeLessThanOrEqual(lists.length)
  }, 180_000)
})
