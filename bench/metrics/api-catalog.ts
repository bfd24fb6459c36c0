// Two budgets of the console over Zoom's whole API (DESIGN.md, performance budgets):
//
// api_catalog_load_ms — a start of the app reading the catalog's index from the copies of Zoom's
// 31 OpenAPI files already in its data folder (what catalog.index answers, i.e. what the console's
// completion and the Browse picker need). The first start parses every file (20 MB of JSON) and
// keeps a pre-parsed index beside the copies; later starts read that (invalidated by any copy
// rewritten, another build, or a copy due for its weekly check). Median of fresh service
// instances, each with cold caches of its own; the full parse of every file is measured in the
// same run for comparison, and one operation whole read from its product's file.
//
// console_completion_ms — the completion's work per keystroke over every operation: a search
// index built once, then a query per prefix of typed sequences (summary words, a path, an
// operationId), p95 of those keystrokes. Rendering the 30 shown suggestions is React's part and
// not included.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createOperationSearchIndex } from '../../common/zoom/api/search'
import { ApiCatalogService } from '../../main/catalog'
import { createLogger, memoryLogSink } from '../../main/log/logger'
import { systemClock } from '../../main/ports'
import { seedApiFiles } from '../../test/support/seed-api-files'
import { ZOOM_OPENAPI_AVAILABLE, ZOOM_OPENAPI_DIR } from '../../test/support/zoom-openapi'
import { FolderApiFiles } from '../../test/fakes/folder-api-files'
import { metric, type Metric } from '../report'
import { SuiteSkipped } from './support/skip'

const LOADS = 7
/** What a person types, one keystroke at a time. */
const TYPED = ['list zoom rooms', 'get a user', '/users/me/recordings', '/phone/call_queues/abc/members', 'create meeting', 'listCallQueues', 'team chat channels', 'contact center queues']
const REPEATS = 5

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)] as number

export async function measureApiCatalog(): Promise<Metric[]> {
  if (!ZOOM_OPENAPI_AVAILABLE) throw new SuiteSkipped(`Zoom's OpenAPI files are not in ${ZOOM_OPENAPI_DIR}`)
  const dataDir = await mkdtemp(path.join(tmpdir(), 'zc-bench-catalog-'))
  try {
    await seedApiFiles(dataDir)
    const dir = path.join(dataDir, 'api-files')
    // Offline: a load must come from the copies alone.
    const source = new FolderApiFiles(ZOOM_OPENAPI_DIR)
    source.offline = true
    const service = () => new ApiCatalogService({ dir, source, clock: systemClock, log: createLogger(memoryLogSink(), 'catalog'), build: 'bench' })

    // The first start: every file parsed, the index stored.
    const fullParses: number[] = []
    for (let i = 0; i < 3; i++) {
      const started = performance.now()
      await service().catalog()
      fullParses.push(performance.now() - started)
    }
    await service().index()

    const loads: number[] = []
    let operations = 0
    for (let i = 0; i < LOADS; i++) {
      const fresh = service()
      const started = performance.now()
      const index = await fresh.index()
      loads.push(performance.now() - started)
      operations = index.operations.length
      if (fresh.loaded) throw new Error('the index was not read from its stored copy')
    }
    const one = service()
    await one.index()
    let started = performance.now()
    const op = await one.operation('GET', '/phone/call_queues')
    const operationMs = performance.now() - started
    if (!op) throw new Error('GET /phone/call_queues not found')

    // Completion over the same index.
    const index = await one.index()
    started = performance.now()
    const search = createOperationSearchIndex(index.operations)
    const buildMs = performance.now() - started
    const keystrokes: number[] = []
    for (let r = 0; r < REPEATS; r++) {
      for (const text of TYPED) {
        for (let n = 1; n <= text.length; n++) {
          const t = performance.now()
          search.search(text.slice(0, n), 30)
          keystrokes.push(performance.now() - t)
        }
      }
    }
    return [
      metric(
        'api_catalog_load_ms',
        median(loads),
        'ms',
        { kind: 'max', limit: 300 },
        `median of ${LOADS} starts reading the index of ${operations} operations from the pre-parsed copy beside the 31 files (p90 ${percentile(loads, 90).toFixed(0)} ms); parsing every file instead (the first start, or after a copy changed): median ${median(fullParses).toFixed(0)} ms; one operation whole (GET /phone/call_queues, from Phone.json) ${operationMs.toFixed(0)} ms`,
      ),
      metric(
        'console_completion_ms',
        percentile(keystrokes, 95),
        'ms',
        { kind: 'max', limit: 16 },
        `p95 per keystroke over ${keystrokes.length} keystrokes (${TYPED.length} typed sequences × ${REPEATS}) searching ${search.size} operations, 30 suggestions each; max ${Math.max(...keystrokes).toFixed(2)} ms; index built once in ${buildMs.toFixed(1)} ms`,
      ),
    ]
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
}
