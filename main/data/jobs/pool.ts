// Runs `worker` over `items` with at most `concurrency` in flight; stops taking new items once
// the signal is aborted. Workers handle their own errors.
export async function runPool<T>(items: readonly T[], concurrency: number, signal: AbortSignal, worker: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const lane = async () => {
    while (!signal.aborted && next < items.length) {
      const item = items[next++] as T
      await worker(item)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, lane))
}
