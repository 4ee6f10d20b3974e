import { Alert, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../ui/page-heading';
import { ledgerOrder } from './ledger';
import { LedgerFilterControl, PromiseList } from './promise-list';
import { useMyCommitments, type LedgerFilter } from './use-commitments';

/** "My promises": the signed-in practitioner's promises, both ways, across everyone they work with. */
export function LedgerPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<LedgerFilter>('outstanding');
  const commitments = useMyCommitments(filter);
  return (
    <Stack gap="md">
      <PageHeading>{t('promises.mineTitle')}</PageHeading>
      <Text size="sm">{t('promises.mineIntro')}</Text>
      <LedgerFilterControl value={filter} onChange={setFilter} />
      {commitments.isPending && <Loader aria-label={t('common.loading')} />}
      {commitments.isError && (
        <Alert color="red" role="alert">
          {commitments.error.message}
        </Alert>
      )}
      {commitments.data && (
        <>
          <Text size="sm" c="dark.6" role="status">
            {t('promises.count', { count: commitments.data.items.length })}
          </Text>
          <PromiseList
            items={ledgerOrder(commitments.data.items)}
            label={t('promises.listLabel')}
            empty={t('promises.emptyMine')}
            showPerson
          />
        </>
      )}
    </Stack>
  );
}
