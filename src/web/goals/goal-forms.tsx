import { Button, Fieldset, Group, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { newMilestone, progressRating } from '../../domain/plans.js';
import { isApiError } from '../api/api-error';
import { FormMessage } from '../ui/form-message';
import { localToday } from '../ui/local-time';
import { useAddMilestone, useRateProgress } from './use-goals';

type Errors = Record<string, string>;

/** Problems from zod or the API, by their first path part. */
export function errorsByField(issues: { path: PropertyKey[]; message: string }[]): Errors {
  const errors: Errors = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join('.');
    errors[field] ??= issue.message;
  }
  return errors;
}

const focusProblem = (form: HTMLFormElement) =>
  requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

/**
 * A goal form's problems, by field: `check` takes what zod made of the form (its problems shown and
 * the first focused, or the data to send), `failed` is the send's `onError` (the API's problems
 * shown the same way, or its message when it named no field).
 */
export function useFormErrors() {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const check = <T,>(form: HTMLFormElement, parsed: z.ZodSafeParseResult<T>): T | null => {
    if (parsed.success) {
      return parsed.data;
    }
    setErrors(errorsByField(parsed.error.issues));
    focusProblem(form);
    return null;
  };
  const failed = (form: HTMLFormElement) => (error: unknown) => {
    if (!isApiError(error)) {
      setFormError(t('common.unreachable'));
      return;
    }
    const fields = errorsByField(error.fieldProblems.map((p) => ({ path: p.field.split('.'), message: p.message })));
    setErrors(fields);
    setFormError(Object.keys(fields).length > 0 ? null : error.message);
    focusProblem(form);
  };
  const err = (field: string) => ({ error: errors[field], 'aria-invalid': errors[field] ? true : undefined });
  return { formError, check, failed, err };
}

/** The person's own 0–10 score for their goal. */
export function RateProgressForm(props: { personId: string; goalId: string; onDone: (saved: string | null) => void }) {
  const { t } = useTranslation();
  const rate = useRateProgress(props.personId, props.goalId);
  const [score, setScore] = useState('');
  const [ratedOn, setRatedOn] = useState(localToday());
  const [comment, setComment] = useState('');
  const form = useFormErrors();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const rating = form.check(
      element,
      progressRating.safeParse({
        score: score === '' ? Number.NaN : Number(score),
        ratedOn,
        comment: comment.trim() === '' ? undefined : comment,
      }),
    );
    if (rating) {
      rate.mutate(rating, { onSuccess: () => props.onDone(t('goals.progress.saved')), onError: form.failed(element) });
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Fieldset legend={t('goals.progress.legend')} variant="filled" p="sm">
        <Stack gap="xs">
          <FormMessage message={form.formError} />
          <Group gap="sm" align="flex-start" wrap="wrap">
            <NativeSelect
              label={t('goals.progress.scoreLabel')}
              data={['', ...Array.from({ length: 11 }, (_, n) => String(n))]}
              value={score}
              onChange={(event) => setScore(event.currentTarget.value)}
              style={{ flex: '1 1 200px' }}
              {...form.err('score')}
            />
            <TextInput
              type="date"
              label={t('goals.progress.ratedOn')}
              max={localToday()}
              value={ratedOn}
              onChange={(event) => setRatedOn(event.currentTarget.value)}
              style={{ flex: '0 1 180px' }}
              {...form.err('ratedOn')}
            />
          </Group>
          <Textarea
            label={t('goals.progress.commentLabel')}
            autosize
            minRows={2}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
            {...form.err('comment')}
          />
          <Group gap="sm">
            <Button type="submit" loading={rate.isPending}>
              {t('goals.progress.save')}
            </Button>
            <Button variant="default" onClick={() => props.onDone(null)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}

/** A milestone reached, with an optional message to the person. */
export function MilestoneForm(props: {
  personId: string;
  goalId: string;
  personName: string;
  onDone: (saved: string | null) => void;
}) {
  const { t } = useTranslation();
  const add = useAddMilestone(props.personId, props.goalId);
  const [text, setText] = useState('');
  const [reachedOn, setReachedOn] = useState(localToday());
  const [message, setMessage] = useState('');
  const form = useFormErrors();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const milestone = form.check(
      element,
      newMilestone.safeParse({ text, reachedOn, message: message.trim() === '' ? undefined : message }),
    );
    if (milestone) {
      add.mutate(milestone, {
        onSuccess: () => props.onDone(t('goals.milestones.saved', { name: props.personName })),
        onError: form.failed(element),
      });
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Fieldset legend={t('goals.milestones.legend')} variant="filled" p="sm">
        <Stack gap="xs">
          <FormMessage message={form.formError} />
          <TextInput
            label={t('goals.milestones.text')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            autoComplete="off"
            {...form.err('text')}
          />
          <TextInput
            type="date"
            label={t('goals.milestones.reachedOn')}
            max={localToday()}
            value={reachedOn}
            onChange={(event) => setReachedOn(event.currentTarget.value)}
            style={{ maxWidth: 200 }}
            {...form.err('reachedOn')}
          />
          <Textarea
            label={t('goals.milestones.messageLabel', { name: props.personName })}
            autosize
            minRows={2}
            value={message}
            onChange={(event) => setMessage(event.currentTarget.value)}
            {...form.err('message')}
          />
          <Group gap="sm">
            <Button type="submit" loading={add.isPending}>
              {t('goals.milestones.save')}
            </Button>
            <Button variant="default" onClick={() => props.onDone(null)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}
