// Kinds of cloud recording files, for "choose which file types to fetch": Zoom's `file_type`
// values (MP4, M4A, TRANSCRIPT, CHAT, CC, CSV, TB, SUMMARY, CHAT_MESSAGE, TIMELINE, …) grouped
// the way people ask for them.
export const RECORDING_FILE_KINDS = ['video', 'audio', 'transcript', 'chat', 'captions', 'other'] as const
export type RecordingFileKind = (typeof RECORDING_FILE_KINDS)[number]

export const RECORDING_FILE_KIND_LABELS: Readonly<Record<RecordingFileKind, string>> = {
  video: 'Video (MP4)',
  audio: 'Audio only (M4A)',
  transcript: 'Transcript (VTT)',
  chat: 'Chat',
  captions: 'Closed captions',
  other: 'Other files (timeline, poll results, summary, …)',
}

const BY_FILE_TYPE: Readonly<Record<string, RecordingFileKind>> = {
  MP4: 'video',
  M4A: 'audio',
  TRANSCRIPT: 'transcript',
  CHAT: 'chat',
  CHAT_MESSAGE: 'chat',
  CC: 'captions',
}

/** The kind of a recording file from its `file_type` (unknown types are 'other'). */
export function recordingFileKind(fileType: string | undefined): RecordingFileKind {
  return (fileType && BY_FILE_TYPE[fileType.toUpperCase()]) || 'other'
}
