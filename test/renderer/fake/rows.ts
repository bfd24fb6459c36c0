// Deterministic, plausible Zoom-like rows for the fake bridge, computed per index so 100,000 rows
// cost nothing until they are asked for.
const FIRST = ['Ada', 'Bruno', 'Chen', 'Dana', 'Emeka', 'Fatima', 'Gustav', 'Hana', 'Ivan', 'Jun', 'Kofi', 'Lena', 'Mateo', 'Nora', 'Omar', 'Priya']
const LAST = ['Okafor', 'Schmidt', 'Tanaka', 'Silva', 'Novak', 'Haddad', 'Larsen', 'Moreau', 'Kim', 'Rossi', 'Walsh', 'Ibrahim', 'Costa']
const DEPTS = ['Engineering', 'Sales', 'Support', 'Finance', 'Marketing', 'Legal', '']
const TOPICS = ['Weekly sync', 'Customer onboarding', 'Quarterly review', 'Design critique', 'All hands', 'Sprint planning', 'Interview loop', 'Office hours']

const at = <T>(list: readonly T[], i: number): T => list[i % list.length] as T
const day = (i: number) => new Date(Date.UTC(2026, 0, 1) + (i % 320) * 86_400_000)
const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z')

export type Row = Record<string, unknown>

export interface ResourceShape {
  defaultColumns: string[]
  row(i: number): Row
}

const user = (i: number): Row => {
  const first = at(FIRST, i * 7 + 3)
  const last = at(LAST, i * 5 + 1)
  return {
    id: `u${(i * 2654435761 >>> 0).toString(36)}`,
    first_name: first,
    last_name: last,
    display_name: `${first} ${last}`,
    email: `${first}.${last}.${i}@example.com`.toLowerCase(),
    type: (i % 3) + 1,
    status: at(['active', 'active', 'active', 'inactive', 'pending'], i),
    dept: at(DEPTS, i * 3),
    timezone: at(['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'UTC'], i),
    created_at: iso(day(i * 13)),
    // A pending user has not signed in yet: Zoom leaves the field out (the "Empty" filter finds them).
    ...(i % 5 === 4 ? {} : { last_login_time: iso(day(i * 17 + 40)) }),
    role_id: String((i % 2) + 1),
    group_ids: i % 4 === 0 ? ['g1', 'g2'] : [],
  }
}

const meeting = (i: number): Row => ({
  uuid: `m${i}==`,
  id: 81_000_000_000 + i * 97,
  topic: `${at(TOPICS, i)} #${i % 50}`,
  host_id: user(i % 997).id,
  // Main adds the host's e-mail to per-user rows (Zoom's list rows carry only host_id).
  host_email: user(i % 997).email,
  type: at([2, 8, 3], i),
  start_time: iso(new Date(day(i).getTime() + (i % 10) * 3_600_000)),
  duration: at([15, 30, 45, 60, 90], i),
  timezone: 'UTC',
  join_url: `https://zoom.us/j/${81_000_000_000 + i * 97}`,
})

const recording = (i: number): Row => ({
  ...meeting(i),
  recording_count: (i % 3) + 1,
  total_size: 5_000_000 + (i % 40) * 2_500_000,
  recording_files: Array.from({ length: (i % 3) + 1 }, (_, k) => ({
    id: `f${i}-${k}`,
    file_type: at(['MP4', 'M4A', 'TRANSCRIPT'], k),
    file_size: 1_000_000 + k * 250_000,
    recording_type: at(['shared_screen_with_speaker_view', 'audio_only', 'audio_transcript'], k),
  })),
})

const daily = (i: number): Row => ({
  date: iso(new Date(Date.UTC(2026, 10, 1) + i * 86_400_000)).slice(0, 10),
  new_users: (i * 7) % 11,
  meetings: 40 + ((i * 37) % 60),
  participants: 150 + ((i * 53) % 240),
  meeting_minutes: 2000 + ((i * 331) % 4000),
})

export const SHAPES: Record<string, ResourceShape> = {
  users: { defaultColumns: ['email', 'display_name', 'type', 'status', 'dept', 'last_login_time'], row: user },
  meetings: { defaultColumns: ['topic', 'id', 'start_time', 'duration', 'type', 'host_email'], row: meeting },
  webinars: { defaultColumns: ['topic', 'id', 'start_time', 'duration', 'host_email'], row: meeting },
  recordings: { defaultColumns: ['topic', 'start_time', 'recording_count', 'total_size', 'host_email'], row: recording },
  'report.daily': { defaultColumns: ['date', 'new_users', 'meetings', 'participants', 'meeting_minutes'], row: daily },
  'report.hosts': { defaultColumns: ['email', 'display_name', 'dept'], row: user },
  'phone.users': { defaultColumns: ['email', 'display_name', 'status'], row: user },
  'phone.callHistory': { defaultColumns: ['topic', 'start_time', 'duration'], row: meeting },
}
