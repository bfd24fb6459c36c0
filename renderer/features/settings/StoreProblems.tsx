// Files that could not be read and were moved aside (never silently emptied), and files repaired in
// place with a copy of the person's version kept, each dismissable.
import { useStore } from '../../store/index'
import { formatDateTime } from '../../shared/format'

export function StoreProblems({ compact = false }: { compact?: boolean }) {
  const problems = useStore((s) => s.problems)
  const dismiss = useStore((s) => s.dismissProblem)
  if (problems.length === 0) return null
  return (
    <section className={compact ? 'problems-banner' : 'card settings-section'} aria-labelledby="problems-title" role={compact ? 'region' : undefined}>
      <h2 id="problems-title" className={compact ? 'problems-title' : 'card-title'}>
        {headingOf(problems.length, problems.filter((p) => p.copied).length)}
      </h2>
      <ul className="problem-list">
        {problems.map((p) => (
          <li key={p.movedTo} className="callout callout-row" data-tone="warn">
            <div className="stack" style={{ gap: 2, flex: 1, minWidth: 0 }}>
              <span>{p.reason}</span>
              <span className="muted" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
                <span className="mono">{p.file}</span> {p.copied ? 'was kept; your version of it was copied to' : 'was moved to'} <span className="mono">{p.movedTo}</span> on {formatDateTime(p.at)}. Nothing was deleted: the copy is kept for you or support to look at.
              </span>
            </div>
            <button
              type="button"
              className="btn btn-small"
              aria-label={`Dismiss the problem with ${p.file.split(/[\\/]/).pop() ?? p.file}`}
              onClick={() => void dismiss(p.movedTo)}
            >
              Dismiss
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** A repaired file was read (only a value in it was not usable): its heading must not say it could not be. */
function headingOf(count: number, repaired: number): string {
  if (repaired === 0) return count === 1 ? 'A file could not be read' : `${count} files could not be read`
  if (repaired === count) return count === 1 ? 'A file was repaired' : `${count} files were repaired`
  return `${count} files needed repair or could not be read`
}
