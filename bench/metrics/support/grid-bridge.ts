// Builds grid-bridge-entry.ts into a single classic script (IIFE) with Vite, in memory.
import { fileURLToPath } from 'node:url'
import { build, type Rollup } from 'vite'

const ENTRY = fileURLToPath(new URL('./grid-bridge-entry.ts', import.meta.url))

export async function buildGridBridge(rows: number): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    define: { __GRID_ROWS__: String(rows) },
    build: {
      write: false,
      minify: false,
      lib: { entry: ENTRY, formats: ['iife'], name: 'zoomConnectBenchBridge', fileName: 'grid-bridge' },
    },
  })
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[]
  const chunk = outputs.flatMap((o) => o.output).find((o): o is Rollup.OutputChunk => o.type === 'chunk')
  if (!chunk) throw new Error('vite produced no script for the grid bridge')
  return chunk.code
}
