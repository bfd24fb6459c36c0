import type { AuthService } from '../../auth/auth-service'
import type { HandlersFor } from '../types'

/** auth.* channels. None of them returns a secret: copyToken writes the clipboard in main. */
export function createAuthHandlers(auth: AuthService): HandlersFor<'auth'> {
  return {
    'auth.statuses': () => auth.statuses(),
    'auth.status': ({ profileId }) => auth.status(profileId),
    'auth.connect': ({ profileId }) => auth.connect(profileId),
    'auth.cancel': ({ profileId }) => auth.cancel(profileId),
    'auth.disconnect': ({ profileId }) => auth.disconnect(profileId),
    'auth.test': ({ profileId }) => auth.test(profileId),
    'auth.copyToken': ({ profileId }) => auth.copyToken(profileId),
    'auth.signOutZoom': ({ profileId }) => auth.signOutZoom(profileId),
    'auth.timeline': ({ profileId }) => auth.timeline(profileId),
  }
}
