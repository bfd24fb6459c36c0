// Schema versions: a document written by version n is brought to the current version by running
// the migrations n→n+1→…→current in order. Each migration works on plain JSON (`unknown`) because
// old shapes have no schema any more; the result is validated by the current schema afterwards.

export interface Migration {
  /** The version this migration produces; it receives a document of version `to - 1`. */
  readonly to: number
  readonly migrate: (data: unknown) => unknown
}

/** Programmer errors (a gap, a duplicate, a wrong order) are caught when the document is opened. */
export function assertMigrationChain(version: number, migrations: readonly Migration[]): void {
  if (!Number.isInteger(version) || version < 1) throw new Error(`Schema version must be an integer ≥ 1, got ${version}`)
  const expected = Array.from({ length: version - 1 }, (_, i) => i + 2)
  const actual = migrations.map((m) => m.to)
  if (expected.join() !== actual.join()) {
    throw new Error(`Migrations must lead to versions [${expected.join(', ')}] in order, got [${actual.join(', ')}]`)
  }
}

/** Runs the migrations after `from` up to the last one. */
export function runMigrations(data: unknown, from: number, migrations: readonly Migration[]): unknown {
  return migrations.filter((m) => m.to > from).reduce((current, m) => m.migrate(current), data)
}
