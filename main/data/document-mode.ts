// The mode of files the person asked for: recording downloads (and their .part) and exports.
//
// Decision: these are the person's own documents, like a browser download or a file saved from
// any editor, so they get the usual default, 0666 minus the umask (0644 with the common 022).
// The person's other apps and tools must be able to open, share and back them up, and who else
// may read them is decided by the folder the person chose (their home folder, a shared drive…).
// 0600 is reserved for the app's own state (main/store, the vault), which holds secrets; a
// recording or a user list holds no credential.
export const DOCUMENT_FILE_MODE = 0o666
