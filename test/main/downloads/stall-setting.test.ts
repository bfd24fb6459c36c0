// The stall timeout setting: main takes only whole seconds within its bounds from the renderer, and
// a stored value out of range (a hand-edited file) falls back to the default instead of breaking
// the settings; the Settings field checks the same bounds before sending.
import { describe, expect, it } from 'vitest'
import { DOWNLOAD_STALL_SECONDS, settingsPatchSchema, settingsSchema } from '../../../common/contract/settings'
import { parseStallSeconds } from '../../../renderer/features/settings/stall-seconds'

describe('downloadStallSeconds', () => {
  it('accepts whole seconds from the minimum to the maximum, nothing else', () => {
    for (const ok of [DOWNLOAD_STALL_SECONDS.min, 60, DOWNLOAD_STALL_SECONDS.max]) expect(settingsPatchSchema.safeParse({ downloadStallSeconds: ok }).success, String(ok)).toBe(true)
    for (const bad of [DOWNLOAD_STALL_SECONDS.min - 1, DOWNLOAD_STALL_SECONDS.max + 1, 7.5, '30', -1]) expect(settingsPatchSchema.safeParse({ downloadStallSeconds: bad }).success, String(bad)).toBe(false)
  })

  it('defaults to a minute, and a stored value out of range reads as the default', () => {
    expect(settingsSchema.parse({}).downloadStallSeconds).toBe(60)
    expect(settingsSchema.parse({ downloadStallSeconds: 1 }).downloadStallSeconds).toBe(60)
    expect(settingsSchema.parse({ downloadStallSeconds: 120 }).downloadStallSeconds).toBe(120)
  })

  it('the Settings field refuses what main would refuse, with the bounds in words', () => {
    expect(parseStallSeconds(' 30 ')).toEqual({ ok: true, seconds: 30 })
    expect(parseStallSeconds('4')).toEqual({ ok: false, message: `Choose from ${DOWNLOAD_STALL_SECONDS.min} to ${DOWNLOAD_STALL_SECONDS.max} seconds.` })
    for (const bad of ['', '1e2', '7.5', '-5', 'ten']) expect(parseStallSeconds(bad).ok, bad).toBe(false)
    for (let n = 0; n <= 700; n++) expect(parseStallSeconds(String(n)).ok, String(n)).toBe(settingsPatchSchema.safeParse({ downloadStallSeconds: n }).success)
  })
})
