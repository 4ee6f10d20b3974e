import { useEffect, useId, useState } from 'react';
import type { z } from 'zod';
import { isApiError } from '../api/api-error';

type FieldErrors = Partial<Record<string, string>>;

/**
 * A small form state holder validated by the domain's zod schema (the same one the server uses).
 * Server field problems (`errors[].field`) land on the matching field; anything else becomes the
 * form's message, from the problem's `detail`.
 */
export function useZodForm<Schema extends z.ZodType<Record<string, unknown>, Record<string, unknown>>>(
  schema: Schema,
  initialValues: z.input<Schema>,
  /** Turns the form's values into what the schema reads, e.g. dropping empty optional dates. */
  prepare: (values: z.input<Schema>) => unknown = (values) => values,
) {
  const [values, setValues] = useState<z.input<Schema>>(initialValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const formId = useId();

  const [focusRequest, setFocusRequest] = useState(0);

  // After a failed submit, keyboard and screen-reader users land on the first field to fix, once
  // the errors are on screen.
  useEffect(() => {
    if (focusRequest > 0) {
      document.getElementById(formId)?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [focusRequest, formId]);
  const focusFirstProblem = () => setFocusRequest((count) => count + 1);

  function setValue<Key extends keyof z.input<Schema>>(key: Key, value: z.input<Schema>[Key]): void {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key as string]: undefined }));
  }

  /** Props for a text input bound to a string field. */
  function textProps(key: keyof z.input<Schema> & string) {
    return {
      name: key,
      value: String(values[key] ?? ''),
      error: errors[key],
      // Mantine's PasswordInput leaves this off its input; set it on every field alike.
      'aria-invalid': errors[key] ? true : undefined,
      onChange: (event: { currentTarget: { value: string } }) =>
        setValue(key, event.currentTarget.value as z.input<Schema>[typeof key]),
    };
  }

  /** The parsed values, or null after showing each problem beside its field. */
  function validate(): z.output<Schema> | null {
    const parsed = schema.safeParse(prepare(values));
    if (parsed.success) {
      setErrors({});
      setFormError(null);
      return parsed.data;
    }
    const next: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.map(String).join('.');
      next[key] ??= issue.message;
    }
    setErrors(next);
    focusFirstProblem();
    return null;
  }

  /** Shows an API failure: field problems beside their fields, the rest as the form's message. */
  function showError(error: unknown, fallback: string): void {
    if (!isApiError(error)) {
      setFormError(fallback);
      return;
    }
    const known = new Set(Object.keys(values));
    const next: FieldErrors = {};
    const elsewhere: string[] = [];
    for (const problem of error.fieldProblems) {
      if (known.has(problem.field)) {
        next[problem.field] ??= problem.message;
      } else {
        elsewhere.push(problem.message);
      }
    }
    setErrors(next);
    focusFirstProblem();
    const detail = error.problem?.detail ?? error.problem?.title ?? fallback;
    setFormError(
      elsewhere.length > 0 ? [detail, ...elsewhere].join(' ') : Object.keys(next).length > 0 ? null : detail,
    );
  }

  function reset(nextValues: z.input<Schema> = initialValues): void {
    setValues(nextValues);
    setErrors({});
    setFormError(null);
  }

  return { formId, values, errors, formError, setValue, setFormError, textProps, validate, showError, reset };
}

/** The values without empty text: optional fields left blank are simply not sent. */
export function dropEmpty<Values extends Record<string, unknown>>(values: Values): Partial<Values> {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => !(typeof value === 'string' && value.trim() === '')),
  ) as Partial<Values>;
}
