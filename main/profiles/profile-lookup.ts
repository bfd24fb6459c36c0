import type { Profile } from '../../common/profile'

/** Read access to stored profiles, for the token manager and the Zoom client. */
export interface ProfileLookup {
  /** Throws AppError('NOT_FOUND') for an unknown id. */
  get(profileId: string): Profile
}
