// The export file format and the all-or-nothing validation of an import.
// Format: { format: 'zoom-connect-profiles', version: 1, exportedAt, profiles: [ProfileFields…] }.
// Never a secret: no client secret, no token, no id (an import always creates new profiles).
// Name clashes (with existing profiles or within the file) are reported, not renamed, so what is
// imported is exactly what the file says; the person renames and imports again.
import type { FieldIssue } from '../../common/errors'
import { crossFieldIssues, profileFieldsSchema, type Profile, type ProfileFields } from '../../common/profile'
import { storedProfileSchema } from './profiles-document'
import { toFieldIssues } from '../../common/validation'

export const EXPORT_FORMAT = 'zoom-connect-profiles'
export const EXPORT_VERSION = 1
export const MAX_IMPORT = 1000

export interface ProfilesExport {
  format: typeof EXPORT_FORMAT
  version: typeof EXPORT_VERSION
  exportedAt: string
  profiles: ProfileFields[]
}

export function exportProfiles(profiles: readonly Profile[], exportedAt: string): ProfilesExport {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, profiles: profiles.map(fieldsOf) }
}

export function fieldsOf(profile: Profile): ProfileFields {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = profile as Profile & Record<string, unknown>
  // The stored schema: a profile saved under earlier, looser limits can still be exported.
  return storedFieldsSchema.parse(fields)
}

const storedFieldsSchema = storedProfileSchema.omit({ id: true, createdAt: true, updatedAt: true })

/** Keys an exported view may carry that are not profile fields; dropped rather than refused. */
const IGNORED_KEYS = ['id', 'createdAt', 'updatedAt', 'hasClientSecret', 'needsRepair']
const SECRET_KEYS = ['clientSecret', 'client_secret', 'accessToken', 'refreshToken', 'tokens']

export type ImportCheck = { ok: true; profiles: ProfileFields[] } | { ok: false; issues: FieldIssue[] }

export function checkImport(json: string, existingNames: readonly string[]): ImportCheck {
  let data: unknown
  try {
    // An export opened and saved again in a Windows editor starts with a byte-order mark, which
    // JSON.parse refuses although the rest is the export unchanged.
    data = JSON.parse(json.startsWith('\uFEFF') ? json.slice(1) : json)
  } catch {
    return { ok: false, issues: [{ path: '', message: 'The file is not valid JSON' }] }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, issues: [{ path: '', message: 'The file is not a Zoom Connect profiles export' }] }
  const doc = data as Record<string, unknown>
  const issues: FieldIssue[] = []
  if (doc.format !== EXPORT_FORMAT) issues.push({ path: 'format', message: `Expected "${EXPORT_FORMAT}"` })
  if (doc.version !== EXPORT_VERSION) issues.push({ path: 'version', message: `This app reads version ${EXPORT_VERSION} of the export format` })
  if (!Array.isArray(doc.profiles)) return { ok: false, issues: [...issues, { path: 'profiles', message: 'Expected a list of profiles' }] }
  if (doc.profiles.length === 0) issues.push({ path: 'profiles', message: 'The file contains no profiles' })
  if (doc.profiles.length > MAX_IMPORT) return { ok: false, issues: [...issues, { path: 'profiles', message: `At most ${MAX_IMPORT} profiles can be imported at once` }] }

  const taken = new Set(existingNames.map(nameKey))
  const profiles: ProfileFields[] = []
  doc.profiles.forEach((entry: unknown, index) => {
    const at = (path: string) => (path ? `profiles.${index}.${path}` : `profiles.${index}`)
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      issues.push({ path: at(''), message: 'Expected a profile object' })
      return
    }
    const record = { ...(entry as Record<string, unknown>) }
    for (const key of SECRET_KEYS) {
      if (key in record) issues.push({ path: at(key), message: 'Secrets are never imported: remove it from the file and enter the Client Secret in the app' })
      delete record[key]
    }
    for (const key of IGNORED_KEYS) delete record[key]
    const parsed = profileFieldsSchema.safeParse(record)
    if (!parsed.success) {
      issues.push(...toFieldIssues(parsed.error).map((issue) => ({ ...issue, path: at(issue.path) })))
      return
    }
    // The secret is entered after importing, so the "needs its Client Secret" rules do not apply here.
    for (const issue of crossFieldIssues(parsed.data, { stored: true, provided: undefined })) {
      issues.push({ ...issue, path: at(issue.path.replace(/^fields\./, '')) })
    }
    const key = nameKey(parsed.data.name)
    if (taken.has(key)) issues.push({ path: at('name'), message: `A profile named "${parsed.data.name}" already exists` })
    taken.add(key)
    profiles.push(parsed.data)
  })
  return issues.length > 0 ? { ok: false, issues } : { ok: true, profiles }
}

/** Names are unique ignoring case and surrounding spaces. */
export const nameKey = (name: string) => name.trim().toLocaleLowerCase('en')
