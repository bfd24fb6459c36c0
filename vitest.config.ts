import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'

const root = import.meta.dirname

/**
 * The e2e suite runs the app's real entry, main/index.ts, from source (so coverage sees its lines)
 * but as electron-vite builds it: in out/main/index.js `import.meta.dirname` is out/main, which is
 * where the entry finds ../renderer and ../preload/index.cjs. Only that file is rewritten.
 */
function entryAsBuilt(): Plugin {
  const entry = resolve(root, 'main/index.ts')
  return {
    name: 'zoom-connect:entry-as-built',
    enforce: 'pre',
    transform(code, id) {
      if (id.split('?')[0] !== entry) return null
      // Same lines, only a column shift on those two lines: `map: null` keeps the line mapping.
      return { code: code.replaceAll('import.meta.dirname', JSON.stringify(resolve(root, 'out/main'))), map: null }
    },
  }
}

export default defineConfig({
  plugins: [react()],
  test: {
    coverage: {
      provider: 'v8',
      include: ['main/**/*.ts', 'common/**/*.ts', 'preload/**/*.ts', 'renderer/**/*.{ts,tsx}'],
      exclude: ['test/**', 'out/**'],
      reporter: ['text-summary', 'json-summary', 'html'],
      reportsDirectory: 'coverage',
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 30_000,
          // Vitest's default is one worker fewer than the cores, so a 2-core CI machine ran unit files
          // one at a time; most of them wait on loopback sockets and child processes, so two overlap
          // well. Three measured faster alone (unit project with coverage: 321 s against 383 s) but
          // the whole CI run with them took 15 min 47 s against 14 min 33 s, so two it is.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        plugins: [entryAsBuilt()],
        // The app's `electron` is the Chromium-backed stand-in (test/electron-standin); electron-store
        // is inlined so that its own `import electron from 'electron'` gets the stand-in too.
        resolve: { alias: [{ find: /^electron$/, replacement: resolve(root, 'test/electron-standin/electron.ts') }] },
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
          // One module registry for the whole run: each file started a fresh worker and imported
          // Playwright, the stand-in and the harness again (about 100 s of a CI run). Each app launch
          // still gets a fresh graph of the app's own modules (vi.resetModules in harness.ts), and
          // each file closes its browser, sandbox and app in afterAll.
          isolate: false,
          // Chromium on a busy machine: expect.poll's 1 s default is too short a bound for a page to settle.
          expect: { poll: { timeout: 15_000 } },
          server: { deps: { inline: ['electron-store'] } },
          // After the unit project, never alongside it: both want the two cores.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
