// What a crawl adds to the rows of a unit before they are stored: the host's e-mail (per-user
// lists), the parent values a fanned-out list was listed under. Applied where the rows are parsed:
// on main for a parsed page, in the dataset worker for a page handed over as bytes.

/** What the rows of one unit are given: at most one of the two. */
export interface RowContext {
  hostEmail?: string
  parentValues?: Readonly<Record<string, string>>
}

/** The rows with their unit's context. */
export function inRowContext(items: readonly unknown[], context: RowContext): readonly unknown[] {
  if (context.hostEmail !== undefined) return withHostEmail(items, context.hostEmail)
  if (context.parentValues !== undefined) return withParentValues(items, context.parentValues)
  return items
}

/**
 * Rows of a per-user list with the host's e-mail: Zoom's meeting, webinar and recording lists
 * give only `host_id`, and the grid, the filter and the exports should show who it is. A row that
 * has its own `host_email` keeps it; the others get a copy with the unit's e-mail added.
 */
function withHostEmail(items: readonly unknown[], email: string): unknown[] {
  return items.map((item) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item
    const host = (item as { host_email?: unknown }).host_email
    return typeof host === 'string' && host !== '' ? item : { ...(item as Record<string, unknown>), host_email: email }
  })
}

/**
 * Rows of a fanned-out list with the parent values they were listed under (a member row says
 * which call queue it is in), unless the row has a field of that name already.
 */
function withParentValues(items: readonly unknown[], values: Readonly<Record<string, string>>): unknown[] {
  const entries = Object.entries(values)
  if (entries.length === 0) return [...items]
  return items.map((item) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item
    const row = item as Record<string, unknown>
    const missing = entries.filter(([name]) => row[name] === undefined)
    return missing.length === 0 ? item : { ...row, ...Object.fromEntries(missing) }
  })
}
