// The fast synthetic mode of the account's call history (SandboxOptions.syntheticCallHistory), for
// benchmarks that crawl millions of calls: generating each record (phone.ts) costs more than a
// client spends storing it, so the sandbox would measure itself. Here 1,000 records are generated
// once, as phone.ts makes them, and repeated; every copy gets its own id and call_id, so a crawl
// keeps each one. The records keep Zoom's call-history shape; only their ids are synthetic.
import { DAY_MS } from '../clock'
import type { PhoneSystem } from './phone'

const TEMPLATES = 1000
const ID = '\u0000id\u0000'
const CALL_ID = '\u0000call\u0000'

export class SyntheticCalls {
  /** Each template's JSON cut around its id and call_id. */
  private readonly parts: [string, string, string][] = []

  constructor(phone: PhoneSystem, dayMs: number) {
    for (let j = 0; j < TEMPLATES; j++) {
      // Spread over a month of days, so start times (and sorts by them) vary.
      const day = dayMs - (j % 30) * DAY_MS
      const record = { ...phone.call(day, j, TEMPLATES), id: ID, call_id: CALL_ID }
      const json = JSON.stringify(record)
      const [head = '', rest = ''] = json.split(JSON.stringify(ID))
      const [middle = '', tail = ''] = rest.split(JSON.stringify(CALL_ID))
      this.parts.push([head, middle, tail])
    }
  }

  /** The JSON of call k (0-based). */
  item(k: number): string {
    const [head, middle, tail] = this.parts[k % TEMPLATES]!
    const serial = k.toString(36).padStart(8, '0')
    return `${head}"syn-${serial}-${(k % 9973).toString(16).padStart(4, '0')}"${middle}"${7_900_000_000_000 + k}"${tail}`
  }
}
