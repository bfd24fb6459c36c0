// The editor's state: the draft, which fields were touched, the issues from the shared validation
// and those main reported (error.details.issues), and save / save-and-connect (whose running and
// failed state live in the connections slice, under the editor's key).
import { useEffect, useMemo, useState } from 'react'
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
  const [lastAction, setLastAction] = useState<'save' | 'connect'>('connect')
  /** The slice's key for this editor's Save and Save & connect. */
  const [taskKey] = useState(() => profile?.id ?? 'new')
  const task = useStore((s) => s.editorTasks[taskKey])
  const dismissTask = useStore((s) => s.dismissEditorTask)
  // A failure belongs to the editor that had it: a new editor (Add connection again) starts clean.
  useEffect(() => dismissTask(taskKey), [dismissTask, taskKey])
  const pending = task?.running ? task.action : undefined
  const formError = task?.running === false ? task.error : undefined
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

  const run = async (what: 'save' | 'connect') => {
    setLastAction(what)
    setSubmitted(true)
    const s = useStore.getState()
    s.dismissEditorTask(taskKey)
    if (Object.keys(clientIssues).length > 0) {
      setFocusInvalid((n) => n + 1)
      return
    }
    let saved
    try {
      saved = await s.saveFromEditor(taskKey, { savedId, draft: toProfileDraft(draft, hasStoredSecret), replaceSecretNow, connect: what === 'connect' })
    } catch (error) {
      // The refusal is kept in the slice (the footer shows it); main's field issues go to their fields.
      if (error instanceof BridgeCallError && error.issues.length > 0) {
        setServerIssues(issuesByField(error.issues, fieldKey))
        setFocusInvalid((n) => n + 1)
      }
      return
    }
    setReplaceSecretNow(false)
    setSavedId(saved.id)
    // The secret was handed to main; forget it here and show it as stored.
    setDraft((d) => ({ ...d, secret: saved.hasClientSecret ? { mode: 'keep', value: '' } : { mode: 'replace', value: '' } }))
    if (what === 'save') {
      s.notify({ tone: 'success', title: `Saved “${draft.fields.name.trim()}”` })
      if (!profile) s.navigate({ screen: 'connection', profileId: saved.id, tab: 'overview' })
      return
    }
    // The connect's failure is kept in the slice (the footer shows it); some belong to one field.
    const connectError = await s.connectFromEditor(taskKey, saved.id)
    if (connectError !== undefined) {
      const field = connectError instanceof BridgeCallError ? FIELD_OF_ERROR[connectError.code] : undefined
      if (field) {
        setServerIssues({ [field]: errorMessage(connectError) })
        // The footer names a field's problem: focus goes to it, as for an invalid field.
        setFocusInvalid((n) => n + 1)
      }
      return
    }
    s.notify({ tone: 'success', title: `Connected “${draft.fields.name.trim()}”` })
    s.navigate({ screen: 'connection', profileId: saved.id, tab: 'overview' })
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
    needsVaultSetup: task?.code === 'VAULT_NOT_INITIALISED',
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
