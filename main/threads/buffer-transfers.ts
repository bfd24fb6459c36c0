// V8 compiles code that reads typed arrays on the assumption that no ArrayBuffer has yet been
// detached on its thread (a protector kept per isolate). The first buffer moved to another thread
// breaks it, and V8 then throws away every optimized function that relied on it. A crawl moves its
// first page's bytes to the dataset thread: V8's deoptimization log then listed the envelope scan
// and dozens of the HTTP client's functions, and the next 300-row page's scan ran unoptimized
// again (11 ms instead of 0.5). Every crawl breaks the assumption with its first page anyway;
// breaking it first means code is compiled without it from the start. The cost: a session that
// never crawls pays a detached-buffer check in optimized typed-array code, a load and a branch.

let done = false

/** Ends V8's no-buffer-detached-yet assumption on the calling thread (once; best effort). */
export function expectBufferTransfers(): void {
  if (done) return
  done = true
  // With views on the buffer: a V8 that tracks views may keep the protector when a buffer with
  // none is detached; a page's bytes always have views.
  const bytes = new Uint8Array(8)
  const tail = new Uint8Array(bytes.buffer, 4)
  try {
    structuredClone(tail, { transfer: [bytes.buffer] })
  } catch {
    // Nothing is lost: the first real transfer breaks the assumption, as it always did.
  }
}
