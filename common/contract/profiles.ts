import { z } from 'zod'
import type { ProfileView } from '../profile'
import { profileDraftSchema, profileNameSchema } from '../profile'
import { channel, idSchema, noInput } from './define'

export interface ImportResult {
  created: ProfileView[]
}

export interface ProfileExportResult {
  /** Absent when the person cancelled the save dialog. */
  path?: string
  count: number
}

export const profileChannels = {
  'profiles.list': channel<ProfileView[]>()(noInput),
  'profiles.get': channel<ProfileView>()(z.object({ id: idSchema }).strict()),
  'profiles.create': channel<ProfileView>()(profileDraftSchema),
  /**
   * A new Client Secret for a working connection waits until a connect with it succeeds (the old
   * one stays in use); `replaceSecretNow` stores it at once.
   */
  'profiles.update': channel<ProfileView>()(z.object({ id: idSchema, draft: profileDraftSchema, replaceSecretNow: z.boolean().optional() }).strict()),
  'profiles.duplicate': channel<ProfileView>()(z.object({ id: idSchema, name: profileNameSchema.optional() }).strict()),
  /** Revokes the token at Zoom (best effort), forgets secrets, tokens and the connect-window session. */
  'profiles.delete': channel<{ revoked: boolean }>()(z.object({ id: idSchema }).strict()),
  /** JSON without any secret; `ids` absent = all profiles. */
  'profiles.exportJson': channel<{ json: string; count: number }>()(z.object({ ids: z.array(idSchema).max(1000).optional() }).strict()),
  'profiles.exportFile': channel<ProfileExportResult>()(z.object({ ids: z.array(idSchema).max(1000).optional() }).strict()),
  /** All or nothing: any problem is reported (every one of them) and nothing is created. */
  'profiles.importJson': channel<ImportResult>()(z.object({ json: z.string().max(5_000_000) }).strict()),
  'profiles.importFile': channel<ImportResult & { path?: string }>()(noInput),
}
