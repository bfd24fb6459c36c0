// The request body checked against the operation's request schema by main (ajv runs there: the
// page's CSP allows no generated code), a moment after the person stops typing, and once more
// right before sending.
import { useEffect, useState } from 'react'
import type { BodySchemaCheck } from '../../../common/contract/index'
import type { HttpMethod } from '../../store/slices/console'
import { call } from '../../ipc'

/** Typing pauses shorter than this do not ask main. */
const SETTLE_MS = 300

export function checkBody(method: HttpMethod, url: string, body: string): Promise<BodySchemaCheck | undefined> {
  return call('console.checkBody', { method, url, body }).catch(() => undefined)
}

/** The last check of this exact body; undefined while none applies (no operation, no body, not JSON). */
export function useBodyCheck(enabled: boolean, method: HttpMethod, url: string, body: string): BodySchemaCheck | undefined {
  const [result, setResult] = useState<{ key: string; check: BodySchemaCheck } | undefined>()
  const key = `${method} ${url}\n${body}`
  useEffect(() => {
    if (!enabled) return
    let live = true
    const timer = setTimeout(() => {
      void checkBody(method, url, body).then((check) => live && check && setResult({ key, check }))
    }, SETTLE_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [enabled, key, method, url, body])
  return enabled && result?.key === key ? result.check : undefined
}
