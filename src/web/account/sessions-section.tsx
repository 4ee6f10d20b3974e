import { Alert, Badge, Button, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../domain/auth.js';
import { api } from '../api/client';
import { useDateFormat } from '../i18n/format';
import { FormMessage } from '../ui/form-message';
import { sessionsKey, useSessions } from './use-sessions';

/** A readable name for a browser, from its user-agent string. */
function describeDevice(userAgent: string | null, unknown: string): string {
  if (!userAgent) {
    return unknown;
  }
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  return [browser, system].filter(Boolean).join(' · ') || userAgent.slice(0, 60);
}

export function SessionsSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sessions = useSessions();
  const endOthers = useMutation({
    mutationFn: () => api.post<{ endedSessions: number }>('/api/auth/sessions/end-others'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
  const others = sessions.data?.items.filter((session) => !session.current).length ?? 0;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sessions-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="sessions-heading">
          {t('account.sessions.title')}
        </Title>
        <Text size="sm">{t('account.sessions.intro')}</Text>
        {sessions.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
        {sessions.data && (
          <List spacing="xs">
            {sessions.data.items.map((session) => (
              <SessionItem key={session.id} session={session} />
            ))}
          </List>
        )}
        {endOthers.data && (
          <Alert color="teal" role="status">
            {t('account.sessions.ended', { count: endOthers.data.endedSessions })}
          </Alert>
        )}
        <FormMessage message={endOthers.error?.message ?? null} />
        <Group>
          <Button
            variant="outline"
            onClick={() => endOthers.mutate()}
            loading={endOthers.isPending}
            disabled={others === 0}
          >
            {t('account.sessions.endOthers')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function SessionItem({ session }: { session: SessionSummary }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  return (
    <List.Item>
      <Group gap="xs" wrap="wrap">
        <Text fw={600}>{describeDevice(session.userAgent, t('account.sessions.unknownDevice'))}</Text>
        {session.current && (
          <Badge color="teal" variant="light">
            {t('account.sessions.current')}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="gray.7">
        {t('account.sessions.times', {
          created: format.dateTime(session.createdAt),
          seen: format.dateTime(session.lastSeenAt),
        })}
      </Text>
    </List.Item>
  );
}
