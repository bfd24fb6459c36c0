// renderer_initial_js_kb_gzip: the JavaScript the renderer loads before first paint, i.e. the
// entry script and every module it preloads — lazy chunks are not counted.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { metric, type Metric } from '../report'

export async function measureRendererBundle(rendererDir: string): Promise<Metric[]> {
  const html = await readFile(join(rendererDir, 'index.html'), 'utf8')
  const scripts = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map((m) => m[1]!)
  let gzipBytes = 0
  for (const src of scripts) gzipBytes += gzipSync(await readFile(join(rendererDir, src.replace(/^\.?\//, '')))).length
  return [metric('renderer_initial_js_kb_gzip', gzipBytes / 1024, 'KB', { kind: 'max', limit: 200 }, `${scripts.length} initial script(s)`)]
}
