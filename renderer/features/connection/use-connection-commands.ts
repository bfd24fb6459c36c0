// Connect, disconnect, copy token and sign out, each reporting its outcome as a notice.
import { useMemo } from 'react'
import { BridgeCallError, errorMessage } from '../../ipc'
import { useStore } from '../../store/index'

export function useConnectionCommands(profileId: string) {
  return useMemo(() => {
    const s = () => useStore.getState()
    const name = () => s().profiles.find((p) => p.id === profileId)?.name ?? 'the connection'
    const fail = (title: string, error: unknown) => s().notify({ tone: 'error', title, description: errorMessage(error) })
    return {
      connect: () => s().connectWithNotice(profileId),
      cancel: async () => {
        try {
          await s().cancelConnect(profileId)
        } catch (error) {
          fail('Could not cancel the sign-in', error)
        }
      },
      /** Throws, so the confirmation dialog can show the error beside its button. */
      disconnect: async () => {
        await s().disconnect(profileId)
        s().notify({ tone: 'success', title: `Disconnected “${name()}”`, description: 'The token was revoked at Zoom and forgotten here.' })
      },
      copyToken: async () => {
        try {
          // Main asks in its own dialog first; choosing Cancel there is not an error.
          const { clearsAfterSeconds } = await s().copyToken(profileId)
          s().notify({ tone: 'success', title: 'Access token copied', description: `The clipboard is cleared in ${clearsAfterSeconds} s.` })
        } catch (error) {
          if (!(error instanceof BridgeCallError && error.code === 'CANCELLED')) fail('Could not copy the token', error)
        }
      },
      signOutZoom: async () => {
        try {
          await s().signOutZoom(profileId)
          s().notify({ tone: 'success', title: 'Signed out of Zoom', description: 'The next connect asks you to sign in again.' })
        } catch (error) {
          fail('Could not sign out of Zoom', error)
        }
      },
    }
  }, [profileId])
}
