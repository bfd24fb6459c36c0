// The editor's state: the draft, which fields were touched, the issues from the shared validation
// and those main reported (error.details.issues), and save / save-and-connect.
import { useMemo, useState } from 'react'
import type { ProfileView } from '../../../common/profile'
import { secretReentryReason } from '../../../common/profile'
import type { ErrorCode } from '../../../common/errors'
import { BridgeCallError, errorMessage } from '../../ipc'
import { useStore } from '../../store/index'
import type { AppKind } from '../../store/slices/session'
import type { EditorDraft } from './draft'
import { issuesByField } from '../../shared/field-issues'
import { draftFromKind, draftFromProfile, fieldKey, toProfileDraft, validateDraft } from './draft'

/** Errors of a connect attempt that belong to one field rather than to the whole form. */
const FIELD_OF_ERROR: Partial<Record<ErrorCode, string>> = {
  AUTH_INVALID_CLIENT: 'clientSecret',
  AUTH_REDIRECT_MISMATCH: 'redirectUri',
  AUTH_REDIRECT_NOT_REGISTERED: 'redirectUri',
  AUTH_SECRET_MISSING: 'clientSecret',
}

export function useEditor(profile: ProfileView | undefined, kind: AppKind) {
  const [draft, setDraft] = useState<EditorDraft>(() => (profile ? draftFromProfile(profile) : draftFromKind(kind)))
  const [savedId, setSavedId] = useState(profile?.id)
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set())
  const [submitted, setSubmitted] = useState(false)
  const [serverIssues, setServerIssues] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string>()
  const [formErrorCode, setFormErrorCode] = useState<ErrorCode>()
  const [lastAction, setLastAction] = useState<'save' | 'connect'>('connect')
  const [pending, setPending] = useState<'save' | 'connect'>()
  /** Store a new secret for a working connection at once, not only after it has connected. */
  const [replaceSecretNow, setReplaceSecretNow] = useState(false)
  /** Bumped when a save stops on invalid fields: the form then moves focus to the first one. */
  const [focusInvalid, setFocusInvalid] = useState(0)
  const stored = useStore((s) => s.profiles.find((p) => p.id === savedId))
  const liveState = useStore((s) => (savedId ? ['connected', 'expiring', 'refreshing'].includes(s.statuses[savedId]?.state ?? '') : false))
  const hasStoredSecret = stored?.hasClientSecret ?? false

  const clientIssues = useMemo(() => validateDraft(draft, hasStoredSecret, stored), [draft, hasStoredSecret, stored])
  const secretReentry = stored && hasStoredSecret ? secretReentryReason(stored, draft.fields) : undefined
  const errorOf = (key: string): string | undefined => serverIssues[key] ?? (submitted || touched.has(key) ? clientIssues[key] : undefined)

  const update = (key: string, patch: Partial<EditorDraft> | ((d: EditorDraft) => EditorDraft)) => {
    setDraft((d) => (typeof patch === 'function' ? patch(d) : { ...d, ...patch }))
    setServerIssues((s) => {
      if (!(key in s)) return s
      const { [key]: _gone, ...rest } = s
      return rest
    })
  }
  const setField = <K extends keyof EditorDraft['fields']>(key: K, value: EditorDraft['fields'][K]) => update(key, (d) => ({ ...d, fields: { ...d.fields, [key]: value } }))
  const touch = (key: string) => setTouched((t) => (t.has(key) ? t : new Set(t).add(key)))

  /** Saves; returns the profile id, or undefined when something needs fixing (shown inline). */
  const save = async (): Promise<string | undefined> => {
    setSubmitted(true)
    setFormError(undefined)
    setFormErrorCode(undefined)
    if (Object.keys(clientIssues).length > 0) {
      setFocusInvalid((n) => n + 1)
      return undefined
    }
    const s = useStore.getState()
    try {
      const body = toProfileDraft(draft, hasStoredSecret)
      const saved = savedId ? await s.updateProfile(savedId, body, { replaceSecretNow }) : await s.createProfile(body)
      setReplaceSecretNow(false)
      setSavedId(saved.id)
      // The secret was handed to main; forget it here and show it as stored.
      setDraft((d) => ({ ...d, secret: saved.hasClientSecret ? { mode: 'keep', value: '' } : { mode: 'replace', value: '' } }))
      return saved.id
    } catch (error) {
      if (error instanceof BridgeCallError && error.issues.length > 0) {
        setServerIssues(issuesByField(error.issues, fieldKey))
        setFocusInvalid((n) => n + 1)
      }
      setFormError(errorMessage(error))
      if (error instanceof BridgeCallError) setFormErrorCode(error.code)
      return undefined
    }
  }

  const run = async (what: 'save' | 'connect') => {
    setPending(what)
    setLastAction(what)
    try {
      const id = await save()
      if (!id) return
      const s = useStore.getState()
      if (what === 'save') {
        s.notify({ tone: 'success', title: `Saved “${draft.fields.name.trim()}”` })
        if (!profile) s.navigate({ screen: 'connection', profileId: id, tab: 'overview' })
        return
      }
      try {
        await s.connect(id)
        s.notify({ tone: 'success', title: `Connected “${draft.fields.name.trim()}”` })
        s.navigate({ screen: 'connection', profileId: id, tab: 'overview' })
      } catch (error) {
        const field = error instanceof BridgeCallError ? FIELD_OF_ERROR[error.code] : undefined
        if (field) setServerIssues({ [field]: errorMessage(error) })
        setFormError(`Saved, but connecting failed: ${errorMessage(error)}`)
      }
    } finally {
      setPending(undefined)
    }
  }

  return {
    draft,
    setDraft: update,
    setField,
    touch,
    errorOf,
    /** The footer's summary: "Some fields need attention" only while some still do. */
    formError: formError ?? (submitted && Object.keys(clientIssues).length > 0 ? 'Some fields need attention.' : undefined),
    focusInvalid,
    replaceSecretNow,
    setReplaceSecretNow,
    /** A new secret is typed for a connection that works with its stored one: main holds it until it connects. */
    replacingWorkingSecret: hasStoredSecret && draft.secret.mode === 'replace' && draft.secret.value.trim() !== '' && liveState,
    /** Main refused because secret storage is not chosen yet: the editor offers the choice, then retries. */
    needsVaultSetup: formErrorCode === 'VAULT_NOT_INITIALISED',
    retry: () => run(lastAction),
    pending,
    savedId,
    stored,
    hasStoredSecret,
    /** Why the stored secret must be typed again (Client ID or endpoints changed), if it must. */
    secretReentry,
    saveOnly: () => run('save'),
    saveAndConnect: () => run('connect'),
  }
}
