// A JSON value made safe to keep or show: everything below a field whose name says it is a
// credential (a string or number, or a whole object or array; not a yes/no) becomes REDACTED, and
// every other string and field name goes through the log redactor (registered secrets, bearer
// tokens, JWTs). Nesting past maxDepth is replaced by a marker rather than walked (a deep enough value would overflow the stack).
import { redact } from './redact'

export const REDACTED = '[redacted]'
export const TOO_DEEP = '[nested too deeply to keep]'

export function redactJsonFields(value: unknown, isCredentialName: (name: string) => boolean, maxDepth: number): { value: unknown; changed: boolean } {
  let changed = false
  const scrub = (text: string): string => {
    const out = redact(text)
    if (out !== text) changed = true
    return out
  }
  const walk = (node: unknown, depth: number): unknown => {
    if (typeof node === 'string') return scrub(node)
    if (node === null || typeof node !== 'object') return node
    if (depth >= maxDepth) {
      changed = true
      return TOO_DEEP
    }
    if (Array.isArray(node)) return node.map((item) => walk(item, depth + 1))
    const entries = Object.entries(node).map(([key, v]): [string, unknown] => {
      // A boolean holds one bit, never a secret; Zoom names many yes/no settings after passwords
      // (default_password, embed_password_in_join_link), and a string in their place makes the
      // body one Zoom refuses.
      if (isCredentialName(key) && v !== null && typeof v !== 'boolean') {
        changed = true
        return [scrub(key), REDACTED]
      }
      return [scrub(key), walk(v, depth + 1)]
    })
    // fromEntries defines own properties, so a "__proto__" name stays a plain field.
    return Object.fromEntries(entries)
  }
  const cleaned = walk(value, 0)
  return { value: cleaned, changed }
}
