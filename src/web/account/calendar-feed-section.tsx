import { Alert, Badge, Button, Code, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarFeedStatus } from '../../domain/calendar.js';
import { api } from '../api/client';
import { useDateFormat } from '../i18n/format';
import { FormMessage } from '../ui/form-message';

const feedKey = ['calendar-feed'] as const;

/**
 * A calendar link for the user's phone or desktop calendar: planned visits and promise due dates,
 * with initials and a link only. The link is shown once when made; making a new one or stopping it
 * cuts off the old one.
 */
export function CalendarFeedSection() {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState<string | null>(null);
  const status = useQuery({ queryKey: feedKey, queryFn: () => api.get<CalendarFeedStatus>('/api/calendar-feed') });
  const make = useMutation({
    mutationFn: () => api.post<{ url: string; createdAt: string }>('/api/calendar-feed'),
    onSuccess: async (result) => {
      setUrl(result.url);
      await queryClient.invalidateQueries({ queryKey: feedKey });
    },
  });
  const stop = useMutation({
    mutationFn: () => api.delete('/api/calendar-feed'),
    onSuccess: async () => {
      setUrl(null);
      await queryClient.invalidateQueries({ queryKey: feedKey });
    },
  });
  const active = status.data?.active ?? false;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="calendar-feed-heading">
      <Stack gap="sm" maw={560}>
        <Group gap="xs">
          <Title order={2} size="h4" id="calendar-feed-heading">
            {t('account.calendar.title')}
          </Title>
          <Badge color={active ? 'teal' : 'gray.7'} variant={active ? 'light' : 'outline'}>
            {active ? t('account.calendar.on') : t('account.calendar.off')}
          </Badge>
        </Group>
        <Text size="sm">{t('account.calendar.intro')}</Text>
        <Text size="sm">{t('account.calendar.privacy')}</Text>
        {status.data?.active && status.data.createdAt && (
          <Text size="sm" c="dimmed">
            {t('account.calendar.made', { when: dateTime(status.data.createdAt) })}{' '}
            {status.data.lastReadAt
              ? t('account.calendar.lastRead', { when: dateTime(status.data.lastReadAt) })
              : t('account.calendar.neverRead')}
          </Text>
        )}
        {url && (
          <Alert color="teal" role="status" title={t('account.calendar.newLinkTitle')}>
            <Stack gap="xs">
              <Text size="sm">{t('account.calendar.newLink')}</Text>
              <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="calendar-url">
                {url}
              </Code>
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy} w="fit-content">
                    {copied ? t('account.calendar.copied') : t('account.calendar.copy')}
                  </Button>
                )}
              </CopyButton>
            </Stack>
          </Alert>
        )}
        <FormMessage message={make.error?.message ?? stop.error?.message ?? null} />
        <Group>
          <Button variant="outline" onClick={() => make.mutate()} loading={make.isPending}>
            {active ? t('account.calendar.replace') : t('account.calendar.make')}
          </Button>
          {active && (
            <Button variant="subtle" color="red" onClick={() => stop.mutate()} loading={stop.isPending}>
              {t('account.calendar.stop')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
