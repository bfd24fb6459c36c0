import { AppError } from '../../common/errors'
import type { Profile } from '../../common/profile'
import type { DocumentFile } from '../store'
import type { ProfilesDocument } from './profiles-document'

/** Read access to stored profiles, for the token manager and the Zoom client. */
export interface ProfileLookup {
  /** Throws AppError('NOT_FOUND') for an unknown id. */
  get(profileId: string): Profile
}

/**
 * The profiles as profiles.json holds them, read-only. Built before the services that change
 * profiles or use their credentials, so each of them can be given it without needing the other.
 */
export class StoredProfiles implements ProfileLookup {
  constructor(private readonly document: Pick<DocumentFile<ProfilesDocument>, 'read'>) {}

  get(profileId: string): Profile {
    const profile = this.document.read().profiles.find((p) => p.id === profileId)
    if (!profile) throw new AppError('NOT_FOUND', 'This connection profile does not exist (it may have been deleted)')
    return profile
  }

  ids(): string[] {
    return this.document.read().profiles.map((p) => p.id)
  }
}
