import { newCommitment, type NewCommitment } from '../../domain/commitments.js';
import type { FieldProblem } from '../../domain/problem.js';
import { promiseFromRow, rowField, type PromiseField, type PromiseRowValues } from './promise-row';

export type RowErrors = Partial<Record<PromiseField, string>>;

/** A promise typed on its own, checked by the same schema as the server's, each problem on its field. */
export function checkNewPromise(
  row: PromiseRowValues,
): { ok: true; promise: NewCommitment } | { ok: false; errors: RowErrors } {
  const parsed = newCommitment.safeParse(promiseFromRow(row));
  if (parsed.success) {
    return { ok: true, promise: parsed.data };
  }
  const problems = parsed.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  return { ok: false, errors: rowErrorsFromProblems(problems).errors };
}

/** The server's field problems ("by.name", "dueOn") on the row's fields; the rest are not field problems. */
export function rowErrorsFromProblems(problems: FieldProblem[]): { errors: RowErrors; elsewhere: string[] } {
  const errors: RowErrors = {};
  const elsewhere: string[] = [];
  for (const problem of problems) {
    const field = rowField(problem.field.split('.'));
    if (field) {
      errors[field] ??= problem.message;
    } else {
      elsewhere.push(problem.message);
    }
  }
  return { errors, elsewhere };
}
