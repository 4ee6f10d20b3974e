import { Button, Group, Radio, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../domain/contacts.js';
import { isApiError } from '../api/api-error';
import { FormMessage } from '../ui/form-message';
import { fromLocalInput, toLocalInput } from '../ui/local-time';
import { useContactChanges } from './use-contacts';

type Outcome = 'made' | 'attempted' | 'cancelled';
const outcomes: Outcome[] = ['made', 'attempted', 'cancelled'];
const labels = {
  made: 'contacts.change.made',
  attempted: 'contacts.change.attempted',
  cancelled: 'contacts.change.cancel',
} as const;

/** A planned contact: it happened (when), it was tried, or it was cancelled (why). If-Match on its version. */
export function PlannedChange({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const { update } = useContactChanges(contact.personId);
  const [outcome, setOutcome] = useState<Outcome>('made');
  const [startedAt, setStartedAt] = useState(() => toLocalInput(contact.plannedStart ?? new Date()));
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<{ field: 'when' | 'reason' | 'form'; message: string } | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const actualStart = fromLocalInput(startedAt);
    if (outcome !== 'cancelled' && !actualStart) {
      setProblem({ field: 'when', message: t('contacts.change.whenMissing') });
      return;
    }
    const changes =
      outcome === 'cancelled' ? { status: outcome, cancelledReason: reason.trim() } : { status: outcome, actualStart };
    update.mutate(
      { contact, changes },
      {
        onError: (error) => {
          const field = isApiError(error) ? error.fieldProblems[0] : undefined;
          setProblem(
            field
              ? { field: field.field === 'cancelledReason' ? 'reason' : 'when', message: field.message }
              : { field: 'form', message: isApiError(error) ? error.message : t('common.unreachable') },
          );
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Radio.Group
          label={t('contacts.change.question')}
          value={outcome}
          onChange={(value) => setOutcome(outcomes.find((candidate) => candidate === value) ?? 'made')}
        >
          <Group gap="md" mt={6} wrap="wrap">
            {outcomes.map((value) => (
              <Radio key={value} value={value} label={t(labels[value])} />
            ))}
          </Group>
        </Radio.Group>
        {outcome === 'cancelled' ? (
          <TextInput
            label={t('contacts.change.cancelReasonLabel')}
            description={t('contacts.change.cancelReasonHint')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={problem?.field === 'reason' ? problem.message : undefined}
            aria-invalid={problem?.field === 'reason' ? true : undefined}
          />
        ) : (
          <TextInput
            type="datetime-local"
            label={t('contacts.change.whenLabel')}
            value={startedAt}
            onChange={(event) => setStartedAt(event.currentTarget.value)}
            error={problem?.field === 'when' ? problem.message : undefined}
            aria-invalid={problem?.field === 'when' ? true : undefined}
            style={{ maxWidth: 280 }}
          />
        )}
        <FormMessage message={problem?.field === 'form' ? problem.message : null} />
        <div>
          <Button type="submit" variant="light" loading={update.isPending}>
            {t('contacts.change.save')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
