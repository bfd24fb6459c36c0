// Where a data thread's script is, and how the thread is started. The built app runs the .js that
// electron-vite emits for each thread (out/main/, one entry each, see electron.vite.config.ts);
// tests and the bench run the TypeScript source, through tsx.
import { type Transferable, Worker } from 'node:worker_threads'
import { DATA_THREAD_LIMITS } from '../../../young-generation'

export interface ThreadScript {
  url: URL
  execArgv: string[]
}

export function threadScript(name: string, from: string): ThreadScript {
  if (from.endsWith('.ts')) return { url: new URL(`./${name}.ts`, from), execArgv: ['--import', 'tsx'] }
  return { url: new URL(`./${name}.js`, from), execArgv: [] }
}

/** Starts a data thread (the store's worker, an export's or a scan's helper) with the heap its bulk work needs. */
export function startDataThread(script: ThreadScript, workerData?: unknown, transferList?: readonly Transferable[]): Worker {
  return new Worker(script.url, { execArgv: script.execArgv, resourceLimits: DATA_THREAD_LIMITS, workerData, ...(transferList ? { transferList: [...transferList] } : {}) })
}
