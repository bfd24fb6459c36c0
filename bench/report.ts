// Benchmark results: bench/results/latest.json ({ metrics: [{ name, value, unit, budget, ok }] })
// and a markdown table beside it. A budget is met or the table says by how much it is missed.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

export type Budget =
  | {
      /** `max`: value must be ≤ limit; `min`: value must be ≥ limit; `equal`: exactly limit. */
      kind: 'max' | 'min' | 'equal'
      limit: number
    }
  /** A figure reported to read the others by (what the machine does), with no budget of its own. */
  | { kind: 'info' }

export interface Metric {
  name: string
  value: number
  unit: string
  budget: string
  ok: boolean
  /** What the number was compared with, measured in the same run. */
  notes?: string
}

/** What a figure with no budget shows in the budget column. */
const NO_BUDGET = 'none'

export function metric(name: string, value: number, unit: string, budget: Budget, notes?: string): Metric {
  if (budget.kind === 'info') return { name, value: round(value), unit, budget: NO_BUDGET, ok: true, ...(notes ? { notes } : {}) }
  const ok = budget.kind === 'max' ? value <= budget.limit : budget.kind === 'min' ? value >= budget.limit : value === budget.limit
  const symbol = budget.kind === 'max' ? '≤' : budget.kind === 'min' ? '≥' : '='
  return { name, value: round(value), unit, budget: `${symbol} ${budget.limit}${unit ? ` ${unit}` : ''}`, ok, ...(notes ? { notes } : {}) }
}

// Four decimals: enough that a value just past its budget never prints as the budget itself.
const round = (value: number) => Math.round(value * 10_000) / 10_000

export function markdownTable(metrics: Metric[], meta: Record<string, string>): string {
  const lines = [
    '# Benchmark results',
    '',
    ...Object.entries(meta).map(([k, v]) => `- ${k}: ${v}`),
    '',
    '| metric | value | budget | ok | notes |',
    '|---|---|---|---|---|',
    ...metrics.map((m) => `| ${m.name} | ${m.value} ${m.unit} | ${m.budget} | ${m.budget === NO_BUDGET ? '—' : m.ok ? 'yes' : `**no** (${missBy(m)})`} | ${m.notes ?? ''} |`),
    '',
  ]
  return lines.join('\n')
}

function missBy(m: Metric): string {
  const limit = Number(m.budget.replace(/^[^\d-]+/, '').split(' ')[0])
  if (!Number.isFinite(limit) || limit === 0) return `value ${m.value}`
  return `off by ${Math.round((Math.abs(m.value - limit) / limit) * 1000) / 10} %`
}

/** The metrics of the last results written (none when there are none, or they cannot be read). */
export async function previousMetrics(dir: string): Promise<Metric[]> {
  try {
    const parsed = JSON.parse(await readFile(join(dir, 'latest.json'), 'utf8')) as { metrics?: unknown }
    return Array.isArray(parsed.metrics) ? (parsed.metrics as Metric[]) : []
  } catch {
    return []
  }
}

export async function writeResults(dir: string, metrics: Metric[], meta: Record<string, string>): Promise<void> {
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'latest.json'), `${JSON.stringify({ meta, metrics }, null, 2)}\n`)
  await writeFile(join(dir, 'latest.md'), markdownTable(metrics, meta))
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}
