// Side-by-side timing of several ways to do the same request. After a warm-up of each, the
// contenders take turns in blocks (A×block, B×block, C×block, then the next round starting
// with the next contender), so drift on a shared machine — CPU frequency, a neighbour's load,
// GC of earlier rounds — falls on all of them alike. Every call is timed on its own.
export interface Contender {
  name: string
  call: () => Promise<unknown>
}

export interface InterleaveOptions {
  warmup: number
  /** Timed calls per contender. */
  samples: number
  block: number
}

export async function interleave(contenders: readonly Contender[], options: InterleaveOptions): Promise<Map<string, number[]>> {
  const times = new Map<string, number[]>(contenders.map((c) => [c.name, []]))
  for (const contender of contenders) for (let i = 0; i < options.warmup; i++) await contender.call()
  const rounds = Math.ceil(options.samples / options.block)
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const contender = contenders[(round + k) % contenders.length]!
      const out = times.get(contender.name)!
      const count = Math.min(options.block, options.samples - round * options.block)
      for (let i = 0; i < count; i++) {
        const started = performance.now()
        await contender.call()
        out.push(performance.now() - started)
      }
    }
  }
  return times
}
