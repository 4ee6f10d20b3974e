import { Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../i18n/format';
import type { AllocationSummary, Person } from '../../domain/people.js';
import { FormMessage } from '../ui/form-message';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { useAllocate, useColleagues, useEndAllocation } from './use-people';

/** Supervisors and managers: who the person is allocated to, and changing it. */
export function AllocationSection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const colleagues = useColleagues(true);
  const allocate = useAllocate(person.id);
  const endAllocation = useEndAllocation(person.id);
  const [chosen, setChosen] = useState('');
  const [ending, setEnding] = useState<AllocationSummary | null>(null);
  const [choiceError, setChoiceError] = useState<string | null>(null);

  const allocated = new Set(person.allocations.map((allocation) => allocation.userId));
  const options = (colleagues.data?.items ?? []).filter((colleague) => !allocated.has(colleague.id));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) {
      setChoiceError(t('people.allocation.chooseFirst'));
      return;
    }
    allocate.mutate(chosen, { onSuccess: () => setChosen('') });
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="allocation-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="allocation-heading">
          {t('people.allocation.title')}
        </Title>
        {person.allocations.length === 0 && <Text>{t('people.person.noAllocation')}</Text>}
        {person.allocations.map((allocation) => (
          <Group key={allocation.id} justify="space-between" wrap="wrap" gap="xs">
            <Text>
              {t('people.person.allocatedSince', { name: allocation.displayName, date: format.date(allocation.since) })}
            </Text>
            <Button variant="outline" color="red.8" size="xs" onClick={() => setEnding(allocation)}>
              {t('people.allocation.end', { name: allocation.displayName })}
            </Button>
          </Group>
        ))}
        <FormMessage message={endAllocation.error?.message ?? allocate.error?.message ?? null} />
        <form onSubmit={submit} noValidate>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <NativeSelect
              label={t('people.allocation.allocateTo')}
              value={chosen}
              error={choiceError}
              onChange={(event) => {
                setChosen(event.currentTarget.value);
                setChoiceError(null);
              }}
              data={[
                { value: '', label: t('people.allocation.choose') },
                ...options.map((colleague) => ({
                  value: colleague.id,
                  label: `${colleague.displayName} (${t(`roles.${colleague.role}`)})`,
                })),
              ]}
              style={{ flex: '1 1 220px' }}
            />
            <Button type="submit" loading={allocate.isPending}>
              {t('people.allocation.allocate')}
            </Button>
          </Group>
        </form>
      </Stack>
      <ConfirmDialog
        opened={ending !== null}
        title={t('people.allocation.confirmTitle')}
        message={
          ending ? t('people.allocation.confirmBody', { worker: ending.displayName, person: person.fullName }) : ''
        }
        confirmLabel={t('people.allocation.confirm')}
        busy={endAllocation.isPending}
        onCancel={() => setEnding(null)}
        onConfirm={() => {
          if (ending) {
            endAllocation.mutate(ending.id, { onSettled: () => setEnding(null) });
          }
        }}
      />
    </Paper>
  );
}
