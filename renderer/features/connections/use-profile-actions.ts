// Actions on connections that report their outcome as notices, shared by the list, menus and screens.
import { useMemo } from 'react'
import { describeIssues } from '../../../common/validation'
import { BridgeCallError, errorMessage } from '../../ipc'
import { useStore } from '../../store/index'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

function describeFailure(error: unknown): string {
  return error instanceof BridgeCallError && error.issues.length > 0 ? describeIssues(error.issues) : errorMessage(error)
}

export function useProfileActions() {
  const notify = useStore((s) => s.notify)
  return useMemo(() => {
    const s = () => useStore.getState()
    return {
      importFile: async () => {
        try {
          const result = await s().importProfilesFile()
          if (result.created.length > 0) notify({ tone: 'success', title: `Imported ${plural(result.created.length, 'connection')}`, description: 'Add each one’s Client Secret before connecting: exports never contain secrets.' })
        } catch (error) {
          notify({ tone: 'error', title: 'Nothing was imported', description: describeFailure(error) })
        }
      },
      exportFile: async (ids?: string[]) => {
        try {
          const result = await s().exportProfilesFile(ids)
          if (result.path) notify({ tone: 'success', title: `Exported ${plural(result.count, 'connection')}`, description: `${result.path} — without secrets or tokens.` })
        } catch (error) {
          notify({ tone: 'error', title: 'Export failed', description: describeFailure(error) })
        }
      },
      duplicate: async (id: string) => {
        try {
          const copy = await s().duplicateProfile(id)
          s().navigate({ screen: 'connection', profileId: copy.id, tab: 'edit' })
          notify({ tone: 'success', title: `Created “${copy.name}”`, description: 'The copy starts disconnected.' })
        } catch (error) {
          notify({ tone: 'error', title: 'Could not duplicate', description: describeFailure(error) })
        }
      },
    }
  }, [notify])
}
