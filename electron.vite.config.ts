import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

const root = import.meta.dirname

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Each worker thread is its own entry, beside index.js: main starts out/main/dataset-worker.js
      // (store/dataset-engine.ts), which starts out/main/export-helper-thread.js for a long export
      // (store/export-helper.ts) and out/main/scan-helper-thread.js for a big filter
      // (store/parallel-scan.ts); store/thread-script.ts finds them there.
      rollupOptions: {
        input: {
          index: resolve(root, 'main/index.ts'),
          'dataset-worker': resolve(root, 'main/data/datasets/store/dataset-worker.ts'),
          'export-helper-thread': resolve(root, 'main/data/datasets/store/export-helper-thread.ts'),
          'scan-helper-thread': resolve(root, 'main/data/datasets/store/scan-helper-thread.ts'),
        },
        output: { entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be one CommonJS file: no ESM, no chunk imports.
      rollupOptions: { input: { index: resolve(root, 'preload/index.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
})
