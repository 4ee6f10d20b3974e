import { Button, Group, Stack, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { correctionRequest, noteRequest } from '../../domain/contacts.js';
import { FormMessage } from '../ui/form-message';
import { useZodForm } from '../ui/use-zod-form';
import { useContactChanges } from './use-contacts';

interface Props {
  contactId: string;
  personId: string;
  personName: string;
  initialText: string;
  onDone: () => void;
  onCancel: () => void;
}

/** Writes the note, or rewrites it while it is not signed off. */
export function NoteForm({ contactId, personId, personName, initialText, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const { writeNote } = useContactChanges(personId);
  const form = useZodForm(noteRequest, { text: initialText });

  function submit(event: FormEvent) {
    event.preventDefault();
    const values = form.validate();
    if (values) {
      writeNote.mutate(
        { contactId, text: values.text },
        { onSuccess: onDone, onError: (error) => form.showError(error, t('common.unreachable')) },
      );
    }
  }

  return (
    <form id={form.formId} onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormMessage message={form.formError} />
        <Textarea
          label={t('contacts.note.textLabel')}
          description={t('contacts.note.textHint', { name: personName })}
          autosize
          minRows={4}
          autoFocus
          {...form.textProps('text')}
        />
        <Group gap="sm">
          <Button type="submit" loading={writeNote.isPending}>
            {t('contacts.note.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Corrects a signed-off note: the corrected text and the reason. The signed-off version stays as
 * it was, visible above; the correction becomes the current version.
 */
export function CorrectionForm({ contactId, personId, personName, initialText, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const { correct } = useContactChanges(personId);
  const form = useZodForm(correctionRequest, { text: initialText, reason: '' });

  function submit(event: FormEvent) {
    event.preventDefault();
    const values = form.validate();
    if (values) {
      correct.mutate(
        { contactId, ...values },
        { onSuccess: onDone, onError: (error) => form.showError(error, t('common.unreachable')) },
      );
    }
  }

  return (
    <form id={form.formId} onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormMessage message={form.formError} />
        <Textarea
          label={t('contacts.note.correctionLabel')}
          description={t('contacts.note.correctionHint', { name: personName })}
          autosize
          minRows={4}
          required
          autoFocus
          {...form.textProps('text')}
        />
        <Textarea
          label={t('contacts.note.reasonLabel')}
          description={t('contacts.note.reasonHint')}
          autosize
          minRows={2}
          required
          {...form.textProps('reason')}
        />
        <Group gap="sm">
          <Button type="submit" loading={correct.isPending}>
            {t('contacts.note.saveCorrection')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
