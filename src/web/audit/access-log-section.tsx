import { Alert, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../i18n/format';
import { useAccessLog } from '../people/use-people';
import { Pager } from '../ui/pager';
import { describeAction } from './action-labels';

/** Supervisors and managers: who has opened or changed this record, newest first. */
export function AccessLogSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const [page, setPage] = useState(1);
  const log = useAccessLog(personId, page, true);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="access-log-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="access-log-heading">
          {t('audit.log.title')}
        </Title>
        <Text size="sm">{t('audit.log.intro')}</Text>
        {log.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
        {log.isError && (
          <Alert color="red" role="alert">
            {log.error.message}
          </Alert>
        )}
        {log.data && log.data.items.length === 0 && <Text>{t('audit.log.empty')}</Text>}
        {log.data && log.data.items.length > 0 && (
          <Table striped verticalSpacing="xs" fz="sm" style={{ tableLayout: 'auto' }}>
            <Table.Caption>{t('audit.log.caption', { count: log.data.total })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('audit.log.when')}</Table.Th>
                <Table.Th scope="col">{t('audit.log.what')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data.items.map((entry, index) => (
                <Table.Tr key={`${entry.occurredAt}-${index}`}>
                  <Table.Td style={{ verticalAlign: 'top' }}>{format.dateTime(entry.occurredAt)}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'break-word' }}>
                    <Text span fw={600} size="sm">
                      {entry.actor.displayName ?? t('audit.log.system')}
                    </Text>
                    {entry.actor.role && (
                      <Text span size="sm" c="gray.7">
                        {' '}
                        ({t(`roles.${entry.actor.role}`, { defaultValue: entry.actor.role })})
                      </Text>
                    )}
                    <Text size="sm">{describeAction(t, entry)}</Text>
                    {entry.reason && (
                      <Text size="xs" c="gray.7">
                        {t('audit.log.reason', { reason: entry.reason })}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {log.data && (
          <Pager
            page={page}
            pageSize={log.data.pageSize}
            total={log.data.total}
            onChange={setPage}
            label={t('audit.log.pagesLabel')}
          />
        )}
      </Stack>
    </Paper>
  );
}
