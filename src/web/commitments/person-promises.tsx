import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../domain/people.js';
import { CheckinSection } from '../cadence/checkin-section';
import { AddPromise } from './add-promise';
import { splitLedger } from './ledger';
import { LedgerFilterControl, PromiseList } from './promise-list';
import { usePersonCommitments, type LedgerFilter } from './use-commitments';

/**
 * The person's Promises tab: the agreed check-in rhythm, then the promises ledger both ways — what
 * we promised them, and what they, their family and other professionals promised — overdue first.
 */
export function PersonPromises({ person }: { person: Person }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<LedgerFilter>('all');
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const commitments = usePersonCommitments(person.id, filter);
  const name = person.addressAs ?? person.fullName;
  const ledger = commitments.data ? splitLedger(commitments.data.items) : null;

  return (
    <Stack gap="xl">
      <CheckinSection person={person} />
      <Stack gap="sm" component="section" aria-labelledby="promises-heading">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h3" id="promises-heading">
            {t('promises.title')}
          </Title>
          {!adding && (
            <Button
              variant="light"
              onClick={() => {
                setSaved(null);
                setAdding(true);
              }}
            >
              {t('promises.add.open')}
            </Button>
          )}
        </Group>
        <Text size="sm">{t('promises.intro', { name })}</Text>
        <div role="status">
          {saved && (
            <Text size="sm" fw={600} c="teal.9">
              {saved}
            </Text>
          )}
        </div>
        {adding && (
          <AddPromise
            person={person}
            onDone={(message) => {
              setAdding(false);
              setSaved(message);
            }}
          />
        )}
        <LedgerFilterControl value={filter} onChange={setFilter} />
        {commitments.isPending && <Loader aria-label={t('common.loading')} />}
        {commitments.isError && (
          <Alert color="red" role="alert">
            {commitments.error.message}
          </Alert>
        )}
        {ledger && (
          <>
            <Title order={3} size="h4" id="promises-ours-heading">
              {t('promises.ours')}
            </Title>
            <PromiseList items={ledger.ours} label={t('promises.ours')} empty={t('promises.oursEmpty')} />
            <Title order={3} size="h4" id="promises-theirs-heading">
              {t('promises.theirs', { name })}
            </Title>
            <PromiseList
              items={ledger.theirs}
              label={t('promises.theirs', { name })}
              empty={t('promises.theirsEmpty', { name })}
            />
          </>
        )}
      </Stack>
    </Stack>
  );
}
