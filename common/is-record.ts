// A parsed JSON value that is an object with named members (not null, not an array): what a reader
// of a file or an answer checks before it looks at any member.
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
