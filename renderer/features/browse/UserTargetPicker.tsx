// Whose data a per-user resource (meetings, webinars, recordings) loads: "Only me", "One user"
// picked by e-mail, name or ID with type-ahead (main searches loaded user lists, then asks Zoom for
// a whole e-mail or ID), or "Every user" of the account — for cloud recordings either user by user
// or, when the grant allows it, in the account's one listing ("Whole account, one listing").
import { useEffect, useId, useRef, useState } from 'react'
import type { UserMatch } from '../../../common/contract/index'
import { errorMessage } from '../../ipc'
import { useStore } from '../../store/index'
import type { TargetUser, UserTarget } from '../../store/slices/browse'

const TYPE_AHEAD_DEBOUNCE_MS = 250
const SUGGESTIONS = 8

export interface UserTargetPickerProps {
  profileId: string
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

export function UserTargetPicker({ profileId, target, onTarget, accountWide, accountListing, error }: UserTargetPickerProps) {
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
      {shown.kind === 'one' && target.kind === 'one' && <UserCombobox profileId={profileId} user={target.user} onUser={(user) => onTarget({ kind: 'one', user })} error={error} />}
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

function UserCombobox({ profileId, user, onUser, error }: { profileId: string; user: TargetUser; onUser(user: TargetUser): void; error: string | undefined }) {
  const id = useId()
  const [text, setText] = useState(describeUser(user))
  const [matches, setMatches] = useState<UserMatch[]>([])
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const [lookupError, setLookupError] = useState<string>()
  const [searching, setSearching] = useState(false)
  const lastQuery = useRef('')
  const findUsers = useStore((s) => s.findUsers)
  const chosen = user.id !== undefined

  // A choice made elsewhere (a user drawer's link) shows in the field.
  useEffect(() => {
    if (chosen) setText(describeUser(user))
  }, [chosen, user])

  useEffect(() => {
    const query = text.trim()
    if (!open || query.length === 0 || (chosen && query === describeUser(user))) return undefined
    const timer = setTimeout(() => {
      lastQuery.current = query
      setSearching(true)
      findUsers(profileId, query, SUGGESTIONS).then(
        (found) => {
          if (lastQuery.current !== query) return
          setMatches(found)
          setActive(0)
          setLookupError(found.length === 0 ? `No user matches “${query}”. Type a whole e-mail address or user ID to look it up at Zoom.` : undefined)
        },
        (e: unknown) => {
          if (lastQuery.current !== query) return
          setMatches([])
          setLookupError(errorMessage(e))
        },
      ).finally(() => lastQuery.current === query && setSearching(false))
    }, TYPE_AHEAD_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [text, open, profileId, user, chosen, findUsers])

  const choose = (match: UserMatch) => {
    onUser({ id: match.id, email: match.email, ...(match.name ? { name: match.name } : {}) })
    setText(match.email)
    setOpen(false)
    setMatches([])
  }
  const listId = `${id}-list`
  const showList = open && matches.length > 0
  const describedBy = [error || lookupError ? `${id}-error` : '', `${id}-hint`].filter(Boolean).join(' ')
  return (
    <div className="field combobox">
      <label htmlFor={id}>User (e-mail, name or ID)</label>
      <input
        id={id}
        className="input"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList ? `${id}-opt-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value)
          setOpen(true)
          // Typing replaces the chosen user; Load resolves what was typed if no suggestion was picked.
          const typed = e.target.value.trim()
          onUser(typed ? { query: typed } : {})
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && matches.length > 0) {
            setOpen(true)
            setActive((a) => (a + 1) % matches.length)
          } else if (e.key === 'ArrowUp' && matches.length > 0) {
            setActive((a) => (a - 1 + matches.length) % matches.length)
          } else if (e.key === 'Enter' && showList) {
            // Enter picks the highlighted user; it must not submit the form (that would load).
            const match = matches[active]
            if (match) choose(match)
          } else if (e.key === 'Escape' && showList) {
            setOpen(false)
          } else return
          e.preventDefault()
        }}
      />
      <ul id={listId} role="listbox" aria-label="Matching users" className="combobox-list" hidden={!showList}>
        {matches.map((m, i) => (
          <li
            key={m.id}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            data-active={i === active || undefined}
            // mousedown, not click: the input's blur would close the list first.
            onMouseDown={(e) => {
              e.preventDefault()
              choose(m)
            }}
          >
            <span>{m.email}</span>
            {m.name && <span className="muted"> · {m.name}</span>}
            <span className="muted mono"> · {m.id}</span>
          </li>
        ))}
      </ul>
      {(error || lookupError) && (
        <span id={`${id}-error`} className="error">
          {error ?? lookupError}
        </span>
      )}
      <span id={`${id}-hint`} className="hint">
        {searching ? 'Searching…' : user.name ? `${user.name}${user.id ? ` · ${user.id}` : ''}` : 'Suggestions come from loaded users; a whole e-mail is looked up at Zoom.'}
      </span>
    </div>
  )
}

/**
 * The chosen user, resolving typed text that was not picked from the suggestions: a single match
 * is taken, anything else is an error to show beside the field.
 */
export async function resolveTargetUser(profileId: string, user: TargetUser): Promise<{ user: TargetUser } | { error: string }> {
  if (user.id !== undefined) return { user }
  const query = user.query?.trim()
  if (!query) return { error: 'Type an e-mail, name or user ID, then pick the user.' }
  const found = await useStore.getState().findUsers(profileId, query, 2)
  const only = found.length === 1 ? found[0] : undefined
  if (only) return { user: { id: only.id, email: only.email, ...(only.name ? { name: only.name } : {}) } }
  return { error: found.length === 0 ? `No user matches “${query}”.` : `Several users match “${query}”: pick one from the list.` }
}
