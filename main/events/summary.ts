// The one line the live list shows for an event: what it is about, from the payload's object
// (Zoom's events carry `payload.object`), then who did it (`payload.operator`) when given.
const NAME_KEYS = ['topic', 'display_name', 'name', 'email', 'user_name', 'caller_name', 'file_name', 'id', 'uuid'] as const
const MAX = 160

export function summarizeEvent(body: unknown): string {
  const payload = field(body, 'payload')
  const object = field(payload, 'object')
  const parts: string[] = []
  const name = firstText(object) ?? firstText(payload)
  if (name) parts.push(name)
  const operator = field(payload, 'operator')
  if (typeof operator === 'string' && operator !== '') parts.push(`by ${operator}`)
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const line = parts.join(' ').replace(/[\u0000-\u001f\u007f]+/g, ' ')
  return line.length > MAX ? `${line.slice(0, MAX - 1)}…` : line
}

function firstText(value: unknown): string | undefined {
  for (const key of NAME_KEYS) {
    const v = field(value, key)
    if ((typeof v === 'string' && v !== '') || typeof v === 'number') return String(v)
  }
  return undefined
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined
}
