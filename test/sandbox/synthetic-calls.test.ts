// The fast synthetic call history (SandboxOptions.syntheticCallHistory) serves exactly the number
// of calls asked for, in pages, each with its own id, in the shape the generator gives real calls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DAY_MS, isoDate } from './clock'
import { startSandbox, type Sandbox } from './index'
import { getJson, s2sToken } from './testing'

const TOTAL = 2_345

describe('synthetic call history', () => {
  let synthetic: Sandbox
  let generated: Sandbox
  beforeAll(async () => {
    synthetic = await startSandbox({ seed: 4, users: 20, plan: 'unlimited', syntheticCallHistory: TOTAL })
    generated = await startSandbox({ seed: 4, users: 20, plan: 'unlimited' })
  })
  afterAll(async () => {
    await synthetic.close()
    await generated.close()
  })

  const window = () => `from=${isoDate(Date.now() - 3 * DAY_MS)}&to=${isoDate(Date.now())}`

  it('pages through exactly the calls asked for, each with its own id and call_id', async () => {
    const token = (await s2sToken(synthetic)).access_token
    const ids = new Set<string>()
    const callIds = new Set<string>()
    let next = ''
    let total = 0
    do {
      const response = await getJson(`${synthetic.url}/v2/phone/call_history?page_size=300&${window()}${next ? `&next_page_token=${next}` : ''}`, token)
      expect(response.status).toBe(200)
      const page = (await response.json()) as { total_records: number; next_page_token: string; call_logs: { id: string; call_id: string }[] }
      total = page.total_records
      for (const call of page.call_logs) {
        ids.add(call.id)
        callIds.add(call.call_id)
      }
      next = page.next_page_token
    } while (next)
    expect(total).toBe(TOTAL)
    expect(ids.size).toBe(TOTAL)
    expect(callIds.size).toBe(TOTAL)
  })

  it('has only fields generated calls have, and always those every call has', async () => {
    const page = async (sandbox: Sandbox) => ((await (await getJson(`${sandbox.url}/v2/phone/call_history?page_size=300&${window()}`, (await s2sToken(sandbox)).access_token)).json()) as { call_logs: Record<string, unknown>[] }).call_logs
    const real = await page(generated)
    const realKeys = new Set(real.flatMap((call) => Object.keys(call)))
    const always = [...realKeys].filter((key) => real.every((call) => key in call))
    for (const call of await page(synthetic)) {
      expect(Object.keys(call).filter((key) => !realKeys.has(key))).toEqual([])
      expect(always.filter((key) => !(key in call))).toEqual([])
    }
  })
})
