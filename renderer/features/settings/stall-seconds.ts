// What the person typed in "Treat a download as stalled after (seconds)", checked against the
// bounds main enforces (settingsPatchSchema), so the field says what is wrong before sending.
import { DOWNLOAD_STALL_SECONDS } from '../../../common/contract/index'

const { min, max } = DOWNLOAD_STALL_SECONDS

/** The whole number of seconds typed, or why it cannot be used. */
export function parseStallSeconds(text: string): { ok: true; seconds: number } | { ok: false; message: string } {
  const trimmed = text.trim()
  if (!/^\d+$/.test(trimmed)) return { ok: false, message: `Enter a whole number of seconds, from ${min} to ${max}.` }
  const seconds = Number(trimmed)
  if (seconds < min || seconds > max) return { ok: false, message: `Choose from ${min} to ${max} seconds.` }
  return { ok: true, seconds }
}
