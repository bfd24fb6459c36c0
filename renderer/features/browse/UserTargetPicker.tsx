// Whose data a per-user resource (meetings, webinars, recordings) loads: "Only me", "One user"
// picked by e-mail, name or ID with type-ahead (the account's users listed a page at a time like
// any path parameter's parent list; main also searches loaded user lists, then asks Zoom for a
// whole e-mail or ID), or "Every user" of the account — for cloud recordings either user by user
// or, when the grant allows it, in the account's one listing ("Whole account, one listing").
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { Combobox } from '../../components/Combobox'
import type { NamedItem, UserMatch } from '../../../common/contract/index'
import { errorMessage } from '../../ipc'
import { useStore } from '../../store/index'
import type { TargetUser, UserTarget } from '../../store/slices/browse'
import { pathValuesFooter } from './PathValuePicker'
import { usePathValues } from './use-path-values'

const TYPE_AHEAD_DEBOUNCE_MS = 250
const SUGGESTIONS = 8

export interface UserTargetPickerProps {
  profileId: string
  /** The per-user list being browsed, by path template: its `{userId}` values come from the account's users. */
  resource: string
  target: UserTarget
  onTarget(target: UserTarget): void
  /** Account-wide connections can read other users' data. */
  accountWide: boolean
  /** The resource has an account-wide listing: whether the grant allows it, and the scopes it needs. */
  accountListing?: { allowed: boolean; scopes: readonly string[] }
  error?: string
}

/** How a chosen user reads in the field: e-mail first (what admins know people by). */
export const describeUser = (user: TargetUser) => user.email ?? user.name ?? user.id ?? user.query ?? ''

export function UserTargetPicker({ profileId, resource, target, onTarget, accountWide, accountListing, error }: UserTargetPickerProps) {
  const name = useId()
  const hintId = useId()
  // Tabs without an account listing (or a grant without its scope) list every user one by one.
  const shown: UserTarget = target.kind === 'account' && !accountListing?.allowed ? { kind: 'all' } : target
  return (
    <fieldset className="user-target">
      <legend>Users</legend>
      <div className="row wrap" role="radiogroup" aria-label="Whose data">
        <label className="radio-inline">
          <input type="radio" name={name} checked={shown.kind === 'me'} onChange={() => onTarget({ kind: 'me' })} />
          Only me
        </label>
        {accountWide && (
          <>
            <label className="radio-inline">
              <input type="radio" name={name} checked={shown.kind === 'one'} onChange={() => onTarget({ kind: 'one', user: {} })} />
              One user
            </label>
            <label className="radio-inline">
              <input type="radio" name={name} checked={shown.kind === 'all'} onChange={() => onTarget({ kind: 'all' })} />
              {accountListing ? 'Every user, one by one' : 'Every user'}
            </label>
            {accountListing && (
              <label className="radio-inline">
                <input
                  type="radio"
                  name={name}
                  checked={shown.kind === 'account'}
                  disabled={!accountListing.allowed}
                  aria-describedby={hintId}
                  onChange={() => onTarget({ kind: 'account' })}
                />
                Whole account, one listing
              </label>
            )}
          </>
        )}
      </div>
      {shown.kind === 'one' && target.kind === 'one' && <UserCombobox profileId={profileId} resource={resource} user={target.user} onUser={(user) => onTarget({ kind: 'one', user })} error={error} />}
      {shown.kind === 'all' && <span className="hint">Lists every user first, then each one’s data.</span>}
      {accountWide && accountListing && (shown.kind === 'account' || !accountListing.allowed) && (
        <span id={hintId} className="hint">
          {accountListing.allowed
            ? 'Zoom lists every user’s recordings (inactive users’ too) in one listing per month: far fewer requests. Only From and To apply.'
            : `One listing for the whole account needs one of ${accountListing.scopes.join(', ')}; without it, recordings are listed user by user.`}
        </span>
      )}
    </fieldset>
  )
}

function UserCombobox({ profileId, resource, user, onUser, error }: { profileId: string; resource: string; user: TargetUser; onUser(user: TargetUser): void; error: string | undefined }) {
  const [text, setText] = useState(describeUser(user))
  const [found, setFound] = useState<UserMatch[]>([])
  const [lookupError, setLookupError] = useState<string>()
  const [searching, setSearching] = useState(false)
  const [open, setOpen] = useState(false)
  const lastQuery = useRef('')
  const findUsers = useStore((s) => s.findUsers)
  const chosen = user.id !== undefined
  // The field shows the chosen user: every user is offered again, not only those matching it.
  const query = chosen && text.trim() === describeUser(user) ? '' : text.trim()
  // The account's users, a page at a time, as any other path parameter's parent list.
  const listed = usePathValues({ profileId, resource, param: 'userId', pathValues: NO_VALUES }, query, open)

  // A choice made elsewhere (a user drawer's link) shows in the field.
  useEffect(() => {
    if (chosen) setText(describeUser(user))
  }, [chosen, user])

  // Loaded users lists answer first, then Zoom for a whole e-mail or ID (users the listing has not reached).
  useEffect(() => {
    if (query.length === 0) return undefined
    const timer = setTimeout(() => {
      lastQuery.current = query
      setSearching(true)
      findUsers(profileId, query, SUGGESTIONS).then(
        (matches) => {
          if (lastQuery.current !== query) return
          setFound(matches)
          setLookupError(undefined)
        },
        (e: unknown) => {
          if (lastQuery.current !== query) return
          setFound([])
          setLookupError(errorMessage(e))
        },
      ).finally(() => lastQuery.current === query && setSearching(false))
    }, TYPE_AHEAD_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [query, profileId, findUsers])

  const suggestions = useMemo(() => {
    const byId = new Map<string, NamedItem>()
    for (const match of query === '' ? [] : found) byId.set(match.id, { value: match.id, email: match.email, ...(match.name ? { name: match.name } : {}) })
    for (const item of listed.matches) if (!byId.has(item.value)) byId.set(item.value, item)
    return [...byId.values()]
  }, [found, listed.matches, query])
  const nobody = query !== '' && !searching && suggestions.length === 0 && !listed.loading && !listed.more ? `No user matches “${query}”. Type a whole e-mail address or user ID to look it up at Zoom.` : undefined
  const footer = pathValuesFooter(listed, 'users', open, query, false)
  return (
    <div onFocus={() => setOpen(true)} onBlur={() => setOpen(false)}>
      <Combobox
        label="User (e-mail, name or ID)"
        text={text}
        onText={(typed) => {
          setText(typed)
          // Typing replaces the chosen user; Load resolves what was typed if no suggestion was picked.
          onUser(typed.trim() ? { query: typed.trim() } : {})
        }}
        options={suggestions.map((item) => ({
          key: item.value,
          content: (
            <>
              <span>{item.email ?? item.name ?? item.value}</span>
              {item.email !== undefined && item.name !== undefined && <span className="muted"> · {item.name}</span>}
              <span className="muted mono"> · {item.value}</span>
            </>
          ),
        }))}
        onPick={(index) => {
          const item = suggestions[index]
          if (!item) return
          const picked: TargetUser = { id: item.value, ...(item.email !== undefined ? { email: item.email } : {}), ...(item.name !== undefined ? { name: item.name } : {}) }
          onUser(picked)
          setText(describeUser(picked))
        }}
        listLabel="Matching users"
        openOnFocus
        onOpen={() => {
          if (!listed.loaded) listed.loadMore()
        }}
        onNearEnd={listed.loadMore}
        {...(error || lookupError || nobody ? { error: error ?? lookupError ?? nobody } : {})}
        hint={searching ? 'Searching…' : user.name ? `${user.name}${user.id ? ` · ${user.id}` : ''}` : 'Pick one of the account’s users, or type part of an e-mail, name or ID; a whole e-mail is looked up at Zoom.'}
        {...(footer ? { footer } : {})}
      />
    </div>
  )
}

/** A per-user list's users are the account's: no other path value is needed to list them. */
const NO_VALUES: Readonly<Record<string, string>> = {}
