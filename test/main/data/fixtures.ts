// Synthetic rows and a fixed catalog for dataset/export tests (no network).
import { LIST_RESOURCES } from '../../../common/zoom/catalog'

export const usersResource = LIST_RESOURCES.users
export const usersDefaultColumns = usersResource.defaultColumns.map((column) => column.path)

export interface SyntheticUser {
  id: string
  email: string
  first_name: string
  type: number
  created_at: string
  dept: string | null
  settings: { host_video: boolean; pmi: number }
  group_ids: string[]
}

const DEPTS = ['Sales', 'sales', 'Engineering', 'Support', '=HYPERLINK("x")', '', null] as const

/** Deterministic users with duplicated keys (for stable sort), empties and mixed case. */
export function syntheticUsers(count: number): SyntheticUser[] {
  const users: SyntheticUser[] = []
  let state = 12345
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648)
  for (let i = 0; i < count; i++) {
    const day = 1 + (next() % 28)
    const hour = next() % 24
    users.push({
      id: `u${i.toString(36).padStart(5, '0')}`,
      email: `user${next() % 50_000}@example.com`,
      first_name: i % 3 === 0 ? `Ann${i % 17}` : `bob${i % 13}`,
      type: 1 + (next() % 3),
      created_at: `2024-0${1 + (next() % 9)}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`,
      dept: DEPTS[next() % DEPTS.length] ?? null,
      settings: { host_video: next() % 2 === 0, pmi: 1_000_000_000 + (next() % 1000) },
      group_ids: i % 5 === 0 ? ['g1', 'g2'] : [],
    })
  }
  return users
}
