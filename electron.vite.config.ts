import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

const root = import.meta.dirname

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The dataset worker is its own entry: main starts it as a worker thread from
      // out/main/dataset-worker.js (main/data/datasets/store/dataset-engine.ts).
      rollupOptions: {
        input: { index: resolve(root, 'main/index.ts'), 'dataset-worker': resolve(root, 'main/data/datasets/store/dataset-worker.ts') },
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
