// browse_first_crawl_plan_ms — the wait before the first crawl of a list that is not built in can
// send its first request, on a start whose copies of Zoom's 31 files and their pre-parsed index
// are in the data folder: the index read, the product file(s) describing the list and its parent
// lists read and parsed, and the crawl planned (parameters checked, fan-out decided), exactly as
// JobManager does it. Lists of the largest files (Phone, Contact Center, Events) and a per-user
// Team Chat list (Team Chat and Users) are planned, each by a fresh service with cold caches; the
// figure is the median over them of each list's median, the slowest list's in the notes, beside
// the full parse of every file that the first crawl used to wait for.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathsToPlan } from '../../common/zoom/browse/fan-out'
import { ApiCatalogService } from '../../main/catalog'
import { planCrawl } from '../../main/data/jobs/crawl-plan'
import { createLogger, memoryLogSink } from '../../main/log/logger'
import { systemClock } from '../../main/ports'
import { FolderApiFiles } from '../../test/fakes/folder-api-files'
import { seedApiFiles } from '../../test/support/seed-api-files'
import { ZOOM_OPENAPI_AVAILABLE, ZOOM_OPENAPI_DIR } from '../../test/support/zoom-openapi'
import { metric, type Metric } from '../report'
import { SuiteSkipped } from './support/skip'

const LISTS = ['/phone/call_queues/{callQueueId}/members', '/contact_center/queues/{queueId}/agents', '/zoom_events/events/{eventId}/sessions', '/chat/users/{userId}/channels', '/rooms/{roomId}/devices']
const RUNS = 5

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number

export async function measureBrowseFirstCrawl(): Promise<Metric[]> {
  if (!ZOOM_OPENAPI_AVAILABLE) throw new SuiteSkipped(`Zoom's OpenAPI files are not in ${ZOOM_OPENAPI_DIR}`)
  const dataDir = await mkdtemp(path.join(tmpdir(), 'zc-bench-first-crawl-'))
  try {
    await seedApiFiles(dataDir)
    const source = new FolderApiFiles(ZOOM_OPENAPI_DIR)
    source.offline = true
    const service = () => new ApiCatalogService({ dir: path.join(dataDir, 'api-files'), source, clock: systemClock, log: createLogger(memoryLogSink(), 'catalog'), build: 'bench' })
    // An earlier start: every file parsed once, the index stored beside the copies.
    let started = performance.now()
    await service().catalog()
    const fullParse = performance.now() - started

    const perList: { path: string; ms: number }[] = []
    for (const list of LISTS) {
      const runs: number[] = []
      for (let run = 0; run < RUNS; run++) {
        const fresh = service()
        started = performance.now()
        const catalog = await fresh.catalogFor(pathsToPlan(list))
        const plan = planCrawl({ resource: list, params: {} }, catalog, Date.now())
        runs.push(performance.now() - started)
        if (fresh.loaded) throw new Error(`planning ${list} built the whole catalog`)
        if (plan.spec.path !== list) throw new Error(`planned ${plan.spec.path} instead of ${list}`)
      }
      perList.push({ path: list, ms: median(runs) })
    }
    const slowest = perList.reduce((a, b) => (b.ms > a.ms ? b : a))
    return [
      metric(
        'browse_first_crawl_plan_ms',
        median(perList.map((list) => list.ms)),
        'ms',
        { kind: 'max', limit: 300 },
        `median over ${LISTS.length} lists of the median of ${RUNS} fresh starts (index + the lists' product files + planCrawl): ${perList.map((list) => `${list.path} ${list.ms.toFixed(0)} ms`).join(', ')}; slowest ${slowest.path}; parsing all 31 files instead (what the first crawl waited for before): ${fullParse.toFixed(0)} ms`,
      ),
    ]
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
}
