// Browse: the built-in lists as quick-pick tabs, and "All lists", a picker over every GET list of
// Zoom's files. Lists are named by path template; lists the connection has no scope for are marked
// (tabs) or disabled (picker) with the scopes that would enable them.
import { useEffect, useMemo, useState } from 'react'
import { Tabs } from 'radix-ui'
import type { CatalogIndex } from '../../../common/contract/index'
import type { ProfileView } from '../../../common/profile'
import { browseResourceOf, type BrowseResource } from '../../../common/zoom/browse/browse-resource'
import { call, errorMessage } from '../../ipc'
import { useStore } from '../../store/index'
import { listAccess, tabAccess } from '../../store/selectors/scopes'
import { taskOf } from '../../store/task'
import { ListPicker, type PickerEntry } from './ListPicker'
import { ResourcePanel } from './ResourcePanel'
import '../../styles/browse.css'

const FIRST_TAB = '/users'

export default function BrowseScreen({ profile }: { profile: ProfileView }) {
  const status = useStore((s) => s.statuses[profile.id])
  const access = tabAccess(profile, status)
  const tab = useStore((s) => s.browseTabs[profile.id]) ?? FIRST_TAB
  const setBrowseTab = useStore((s) => s.setBrowseTab)
  const setTab = (resource: string) => setBrowseTab(profile.id, resource)
  const [index, setIndex] = useState<CatalogIndex>()
  const [indexError, setIndexError] = useState<string>()
  /** Lists opened from the picker, by path template. */
  const [opened, setOpened] = useState<Record<string, BrowseResource>>({})
  const openCatalogList = useStore((s) => s.openCatalogList)
  const { error: openError } = taskOf(useStore((s) => s.openListTasks[profile.id]), 'open')

  useEffect(() => {
    let live = true
    call('catalog.index', undefined).then(
      (answer) => live && setIndex(answer),
      (error: unknown) => live && setIndexError(errorMessage(error)),
    )
    return () => {
      live = false
    }
  }, [])

  const entries = useMemo<PickerEntry[]>(() => {
    const lists = (index?.operations ?? []).filter((op) => op.method === 'GET' && op.listKey !== undefined)
    return lists.map((list) => ({ list, ...listAccess(profile, status, { title: list.summary || list.path, scopes: list.scopes }) }))
  }, [index, profile, status])
  // Lists a fan-out can go over: one that answers only for a query (a report's dates) gives no values.
  const listPaths = useMemo(() => new Set(entries.filter((e) => !e.list.needsQuery).map((e) => e.list.path)), [entries])

  // Opening's state (and why it failed) lives in the slice; the described list is this screen's.
  /** Whether the list could be described (else `openListTasks` says why). */
  const open = async (path: string): Promise<boolean> => {
    const operation = await openCatalogList(profile.id, path)
    if (!operation) return false
    setOpened((o) => ({ ...o, [path]: browseResourceOf(operation, (list) => listPaths.has(list)) }))
    setTab(path)
    return true
  }
  // A link from a row's details to a list of Zoom's files (a meeting's participants): the list is
  // described here first; its panel then fills in the given values and loads it.
  const request = useStore((s) => s.browseRequest)
  const linked = request && !request.handled && request.profileId === profile.id && !access.some((a) => a.resource.id === request.resource) && !opened[request.resource] ? request.resource : undefined
  const markRequestHandled = useStore((s) => s.markBrowseRequestHandled)
  useEffect(() => {
    // A list that cannot be described drops the link's request: opening it later from the picker
    // must not load it with the values of a link pressed long before.
    if (linked) void open(linked).then((opened) => opened || markRequestHandled())
  }, [linked])

  const quick = access.find((a) => a.resource.id === tab)
  const picked = quick ? undefined : opened[tab]
  const pickedAccess = picked ? listAccess(profile, status, picked) : undefined
  const note = indexError ? `Zoom's API files could not be read (${indexError}); the lists above work.` : index?.state === 'unavailable' ? "Zoom's API files could not be had yet; the lists above work." : index ? undefined : 'Reading Zoom’s API files…'
  return (
    <Tabs.Root value={quick ? tab : ''} onValueChange={setTab} className="browse">
      <div className="browse-nav">
        <Tabs.List className="resource-tabs" aria-label="Resources">
          {access.map(({ resource, missing, unavailable }) => (
            <Tabs.Trigger key={resource.id} value={resource.id} className="resource-tab" data-missing={missing.length > 0 || unavailable || undefined} title={missing.length > 0 || unavailable ? `No scope granted for this resource${missing.length > 0 ? `: add one of ${missing.join(', ')}` : ''}` : undefined}>
              {resource.title}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <ListPicker entries={entries} onPick={(list) => void open(list.path)} {...(note ? { note } : {})} />
        {openError && (
          <p className="callout" data-tone="bad" role="alert">
            {openError}
          </p>
        )}
      </div>
      {access.map(({ resource, missing, unavailable, advice }) => (
        <Tabs.Content key={resource.id} value={resource.id} className="browse-panel">
          {tab === resource.id && <ResourcePanel profile={profile} resource={resource} missing={missing} unavailable={unavailable} {...(advice ? { advice } : {})} />}
        </Tabs.Content>
      ))}
      {picked && pickedAccess && (
        <section className="browse-panel" aria-label={picked.title}>
          <ResourcePanel key={picked.id} profile={profile} resource={picked} missing={pickedAccess.missing} unavailable={pickedAccess.unavailable} {...(pickedAccess.advice ? { advice: pickedAccess.advice } : {})} />
        </section>
      )}
    </Tabs.Root>
  )
}
