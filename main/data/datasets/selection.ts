// A selection names rows of its list by dataset index. Main checks it before the person is asked
// where to export (a selection of a list since loaded again may name rows it lacks), and the
// dataset worker again before it makes the file; both with this one rule and message.
import { AppError } from '../../../common/errors'

/** VALIDATION when an index is not one of the list's `rows`. */
export function assertSelectionWithin(rowIndexes: readonly number[], rows: number): void {
  const wrong = rowIndexes.find((index) => !Number.isInteger(index) || index < 0 || index >= rows)
  if (wrong !== undefined) throw new AppError('VALIDATION', `Row ${wrong} is not in this list (it has ${rows} rows); select the rows again.`)
}
