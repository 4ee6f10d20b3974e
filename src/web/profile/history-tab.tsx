import { Alert, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../i18n/format';
import { Pager } from '../ui/pager';
import { describeChange } from './describe-change';
import { useHistory } from './use-profile';

/** Who changed which field of the profile and the network, when, from what to what: newest first. */
export function HistoryTab({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const [page, setPage] = useState(1);
  const history = useHistory(personId, page);

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('history.title')}
      </Title>
      <Text size="sm">{t('history.intro')}</Text>
      {history.isPending && <Loader aria-label={t('common.loading')} />}
      {history.isError && (
        <Alert color="red" role="alert">
          {history.error.message}
        </Alert>
      )}
      {history.data && history.data.items.length === 0 && <Text>{t('history.empty')}</Text>}
      {history.data && history.data.items.length > 0 && (
        <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('history.listLabel')}>
          {history.data.items.map((change, index) => (
            <Paper component="li" key={`${change.changedAt}-${change.field}-${index}`} withBorder px="md" py="xs">
              <Text style={{ overflowWrap: 'anywhere' }}>
                {describeChange(t, format, change)}{' '}
                <Text span c="dark.4" size="sm">
                  {t('history.on', { date: format.dateTime(change.changedAt) })}
                </Text>
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      {history.data && (
        <Pager
          page={page}
          pageSize={history.data.pageSize}
          total={history.data.total}
          onChange={setPage}
          label={t('history.pagesLabel')}
        />
      )}
    </Stack>
  );
}
