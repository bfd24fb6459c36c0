// A resource's kept datasets (the person chose to keep them on disk): their size and age, with
// Open, Refresh (crawl again; the new crawl is kept in its place) and Delete. Settings sets when
// they expire and has "Clear kept data".
import { useEffect } from 'react'
import type { KeptDataset } from '../../../common/contract/index'
import type { BrowseResource } from '../../../common/zoom/browse/browse-resource'
import { errorMessage } from '../../ipc'
import { useStore } from '../../store/index'
import { formatCount, formatRelative } from '../../shared/format'

export function KeptDatasets({ profileId, resource }: { profileId: string; resource: Pick<BrowseResource, 'id' | 'title'> }) {
  const all = useStore((s) => s.keptDatasets)
  const loadKept = useStore((s) => s.loadKept)
  const openKept = useStore((s) => s.openKept)
  const refreshKept = useStore((s) => s.refreshKept)
  const forgetKept = useStore((s) => s.forgetKept)
  const notify = useStore((s) => s.notify)
  useEffect(() => {
    void loadKept().catch(() => undefined)
  }, [loadKept])
  const kept = all.filter((k) => k.profileId === profileId && k.resource === resource.id)
  if (kept.length === 0) return null
  const act = (title: string, work: () => Promise<void>) => void work().catch((error: unknown) => notify({ tone: 'error', title, description: errorMessage(error) }))
  const now = Date.now()
  return (
    <section className="kept-datasets" aria-label={`Kept ${resource.title.toLowerCase()}`}>
      <h3 className="muted" style={{ fontSize: 13, margin: 0 }}>
        Kept on this computer
      </h3>
      <ul className="stack" style={{ gap: 4, listStyle: 'none', padding: 0, margin: 0 }}>
        {kept.map((k: KeptDataset) => (
          <li key={k.datasetId} className="row" data-testid="kept-dataset">
            <span>
              {formatCount(k.rows)} {k.rows === 1 ? 'row' : 'rows'} · crawled {formatRelative(k.createdAt, now)}
              {k.complete ? '' : ' · incomplete'}
            </span>
            <span className="spacer" />
            <button type="button" className="btn btn-small" onClick={() => act('Could not open the kept list', () => openKept(k))}>
              Open
            </button>
            <button type="button" className="btn btn-small" disabled={!k.refreshable} onClick={() => act('Could not refresh the kept list', () => refreshKept(k))}>
              Refresh
            </button>
            <button type="button" className="btn btn-small btn-ghost" aria-label={`Delete the kept list crawled ${formatRelative(k.createdAt, now)}`} onClick={() => act('Could not delete the kept list', () => forgetKept(k.datasetId))}>
              Delete
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
