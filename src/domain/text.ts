import { z } from 'zod';

// Control characters have no place in what people type; NUL cannot even be stored by PostgreSQL.
/* eslint-disable no-control-regex -- matching control characters is the point */
const controlInLine = /[\u0000-\u001F\u007F]/;
const controlInText = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/* eslint-enable no-control-regex */

/** One line of text (a name, a search): trimmed, no control characters. */
export function lineOfText(options: { min?: number; max: number; required?: string }) {
  return z
    .string()
    .trim()
    .min(options.min ?? 1, options.required ?? 'This cannot be empty')
    .max(options.max, `Use at most ${options.max} characters`)
    .refine((value) => !controlInLine.test(value), 'Remove the hidden control characters from this text');
}

/** Free text that may run over several lines (a reason, later a note). */
export function paragraphOfText(options: { min?: number; max: number; tooShort?: string }) {
  return z
    .string()
    .trim()
    .min(options.min ?? 1, options.tooShort ?? 'This cannot be empty')
    .max(options.max, `Use at most ${options.max} characters`)
    .refine((value) => !controlInText.test(value), 'Remove the hidden control characters from this text');
}
