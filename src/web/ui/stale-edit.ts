import type { z } from 'zod';

/**
 * Edits made from an out-of-date copy (SECURITY.md check 30). Forms hold their values as plain
 * text, ticks and lists; an edit sends only what the user changed, with the version it was made
 * from. When the server answers 412, the form keeps what was typed; "Load the latest version" puts
 * the user's changes on top of the newest copy and says which fields someone else changed.
 */
export type FormValue = string | boolean | readonly string[];
export type FormValues = Record<string, FormValue>;

function same(a: FormValue | undefined, b: FormValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    // Lists of choices: the order of ticking does not matter.
    const key = (list: readonly string[]) => [...list].sort().join('\u0000');
    return key(a as readonly string[]) === key(b as readonly string[]);
  }
  return typeof a === 'string' && typeof b === 'string' ? a.trim() === b.trim() : a === b;
}

/** The fields whose value differs between `base` and `values`. */
export function changedKeys<Values extends FormValues>(base: Values, values: Values): (keyof Values & string)[] {
  return (Object.keys(values) as (keyof Values & string)[]).filter((key) => !same(base[key], values[key]));
}

export interface Rebased<Values extends FormValues> {
  /** The latest copy with the user's own changes on top. */
  values: Values;
  /** Fields someone else changed since the user started. */
  theirs: (keyof Values & string)[];
  /** Of those, the ones the user changed too, differently: the user's value is kept, to check. */
  both: (keyof Values & string)[];
}

export function rebase<Values extends FormValues>(started: Values, latest: Values, typed: Values): Rebased<Values> {
  const mine = changedKeys(started, typed);
  const theirs = changedKeys(started, latest);
  const values = { ...latest };
  for (const key of mine) {
    values[key] = typed[key];
  }
  return {
    values,
    theirs,
    both: theirs.filter((key) => mine.includes(key) && !same(latest[key], typed[key])),
  };
}

/** Zod problems as one message per field (the first), keyed by the top-level field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '');
    errors[key] ??= issue.message;
  }
  return errors;
}
