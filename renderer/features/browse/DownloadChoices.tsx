// Per download batch: which kinds of recording files to fetch, and whether to move each recording
// to Zoom's trash once all its files are downloaded and verified (main confirms that in its own
// dialog and logs every move beside the downloads).
import { RECORDING_FILE_KIND_LABELS, RECORDING_FILE_KINDS, type RecordingFileKind } from '../../../common/zoom/recording-files'

export interface DownloadChoice {
  kinds: readonly RecordingFileKind[]
  trashAfterVerified: boolean
}

export const ALL_FILES: DownloadChoice = { kinds: RECORDING_FILE_KINDS, trashAfterVerified: false }

export function DownloadChoices({ choice, onChange }: { choice: DownloadChoice; onChange(choice: DownloadChoice): void }) {
  const toggle = (kind: RecordingFileKind, on: boolean) => {
    const kinds = on ? RECORDING_FILE_KINDS.filter((k) => k === kind || choice.kinds.includes(k)) : choice.kinds.filter((k) => k !== kind)
    onChange({ ...choice, kinds })
  }
  return (
    <div className="download-choices">
      <fieldset className="row wrap">
        <legend className="field-label">Files to download</legend>
        {RECORDING_FILE_KINDS.map((kind) => (
          <label key={kind} className="radio-inline">
            <input type="checkbox" checked={choice.kinds.includes(kind)} onChange={(e) => toggle(kind, e.target.checked)} />
            {RECORDING_FILE_KIND_LABELS[kind]}
          </label>
        ))}
      </fieldset>
      <label className="radio-inline">
        <input type="checkbox" checked={choice.trashAfterVerified} onChange={(e) => onChange({ ...choice, trashAfterVerified: e.target.checked })} />
        Move each recording to Zoom’s trash once all its files are downloaded and verified
      </label>
      {choice.trashAfterVerified && (
        <p className="hint">The app asks you to confirm first. Each move is logged in the download folder, and Zoom keeps trashed recordings for a while, so they can be restored.</p>
      )}
    </div>
  )
}
