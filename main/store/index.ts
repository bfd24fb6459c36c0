// The on-disk store: one atomically written, schema-validated, migrated JSON document per file.
export { openDocument, type DocumentFile, type DocumentProblem, type OpenDocumentOptions, type ProblemKind } from './document-file'
export type { Migration } from './migrations'
export { StoreError, type StoreErrorCode, type StoreErrorOptions, type StoreRefusal } from './store-error'
export { writeFileAtomic, FILE_MODE } from './atomic-file'
export { setAsideCopies, type SetAsideCopies } from './set-aside-copies'
