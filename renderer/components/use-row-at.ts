// A drawer's one row (or event), fetched from main when the index changes. A reply that arrives
// after the drawer moved to another row, or closed, is dropped rather than shown for the wrong row.
import { useEffect, useState } from 'react'
import { errorMessage } from '../ipc'

export function useRowAt<T>(load: (datasetId: string, index: number) => Promise<T>, datasetId: string, index: number | undefined): { value?: T; error?: string } {
  const [state, setState] = useState<{ value?: T; error?: string }>({})
  useEffect(() => {
    if (index === undefined) return undefined
    let current = true
    setState({})
    load(datasetId, index).then(
      (value) => current && setState({ value }),
      (error: unknown) => current && setState({ error: errorMessage(error) }),
    )
    return () => {
      current = false
    }
  }, [datasetId, index, load])
  return state
}
