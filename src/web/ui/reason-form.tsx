import { Button, Group, Stack, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { revealRequest } from '../../domain/profile.js';
import { FormMessage } from './form-message';
import { useZodForm } from './use-zod-form';

interface Props {
  label: string;
  hint: string;
  submitLabel: string;
  busy: boolean;
  /** Called with the reason; `fail` shows the server's answer beside the field. */
  onSubmit: (reason: string, fail: (error: unknown) => void) => void;
  onCancel: () => void;
}

/** Asks why, before something that is recorded with its reason (showing restricted details). */
export function ReasonForm({ label, hint, submitLabel, busy, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const form = useZodForm(revealRequest, { reason: '' });

  function submit(event: FormEvent) {
    event.preventDefault();
    const values = form.validate();
    if (values) {
      onSubmit(values.reason, (error) => form.showError(error, t('common.unreachable')));
    }
  }

  return (
    <form id={form.formId} onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormMessage message={form.formError} />
        <Textarea
          label={label}
          description={hint}
          required
          autosize
          minRows={2}
          autoFocus
          {...form.textProps('reason')}
        />
        <Group gap="sm">
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
