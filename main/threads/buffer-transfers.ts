// V8 compiles code that reads typed arrays on the assumption that no ArrayBuffer in the process
// has ever been detached. The first buffer moved to another thread breaks it, and V8 then throws
// away every optimized function that relied on it. A crawl moves its first page's bytes to the
// dataset thread: measured on a 300-row call-history page, the next page's envelope scan then ran
// unoptimized again (11 ms instead of 0.5), and so did the HTTP client's code, in the middle of
// the crawl. Main moves buffers to its threads all the time, so the assumption is never worth
// having: detaching one empty buffer at start-up, before anything is optimized, ends it while
// nothing depends on it.

let done = false

/** Ends V8's no-buffer-detached-yet assumption for this process (once; later calls do nothing). */
export function expectBufferTransfers(): void {
  if (done) return
  done = true
  const buffer = new ArrayBuffer(0)
  structuredClone(buffer, { transfer: [buffer] })
}
