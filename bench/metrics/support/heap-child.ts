// Runs in a child process started with --expose-gc by dataset-heap.ts: crawls all 100,000 users
// of the sandbox (three crawl jobs, one per status, as the app lists them) into datasets through
// the product's data services, touches them the way the grid does (info, a first window, a sort),
// and reports V8's heapUsed after full collections, before and after.
import type { SandboxProcess } from './sandbox-process'
import { dataStack } from './data-stack'

type Input = Pick<SandboxProcess, 'url' | 'apps'>

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('heap-child needs --expose-gc')

const settle = async () => {
  // Let pending timers and promise callbacks finish, then collect until the heap stops shrinking.
  await new Promise((resolve) => setTimeout(resolve, 50))
  let last = Infinity
  for (let i = 0; i < 5; i++) {
    gc()
    const used = process.memoryUsage().heapUsed
    if (used >= last) break
    last = used
  }
  return process.memoryUsage().heapUsed
}

const input = await new Promise<Input>((resolve) => process.once('message', (message) => resolve(message as Input)))
const stack = await dataStack(input)
const before = await settle()
let rows = 0
for (const status of ['active', 'inactive', 'pending']) {
  const { progress, dataset } = await stack.crawl('users', { status })
  if (progress.state !== 'done') throw new Error(`the ${status} crawl ended ${progress.state}`)
  rows += dataset.rowCount
  await dataset.info()
  await dataset.window({ offset: 0, limit: 100 })
  await dataset.window({ offset: 0, limit: 100, sort: { column: 'email', direction: 'asc' } })
}
const after = await settle()
process.send?.({ before, after, rows })
await stack.close()
process.disconnect()
