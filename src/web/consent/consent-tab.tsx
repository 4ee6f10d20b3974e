import { Alert, Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { ConsentRecord, ConsentStatus, CurrentConsent } from '../../domain/consent.js';
import type { Person } from '../../domain/people.js';
import { useDateFormat } from '../i18n/format';
import { useNetwork } from '../network/use-network';
import { ConsentForm } from './consent-form';
import { useConsents } from './use-consents';

const statusStyle: Record<ConsentStatus, { color: string; variant: 'filled' | 'light' | 'outline'; icon: string }> = {
  granted: { color: 'teal.8', variant: 'filled', icon: '✓' },
  refused: { color: 'red.8', variant: 'outline', icon: '✗' },
  withdrawn: { color: 'red.8', variant: 'outline', icon: '✗' },
  expired: { color: 'orange.9', variant: 'outline', icon: '!' },
  not_asked: { color: 'gray.8', variant: 'outline', icon: '?' },
};

/** Consent to share: what holds now per recipient and purpose, a form for a new decision, the history. */
export function ConsentTab({ person }: { person: Person }) {
  const { t } = useTranslation();
  const location = useLocation();
  const consents = useConsents(person.id);
  const network = useNetwork(person.id, false);
  const personName = person.addressAs ?? person.fullName;
  const state = location.state as { recipientMemberId?: unknown } | null;
  const initialMemberId = typeof state?.recipientMemberId === 'string' ? state.recipientMemberId : null;

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('consent.title')}
      </Title>
      <Text size="sm">{t('consent.intro', { name: personName })}</Text>
      {(consents.isPending || network.isPending) && <Loader aria-label={t('common.loading')} />}
      {consents.isError && (
        <Alert color="red" role="alert">
          {consents.error.message}
        </Alert>
      )}
      {consents.data && (
        <section aria-labelledby="consent-current-heading">
          <Title order={3} size="h4" id="consent-current-heading" mb="xs">
            {t('consent.current.title')}
          </Title>
          {consents.data.current.length === 0 ? (
            <Text c="dimmed">{t('consent.current.empty')}</Text>
          ) : (
            <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
              {consents.data.current.map((consent) => (
                <CurrentRow key={consent.recordId} consent={consent} />
              ))}
            </Stack>
          )}
        </section>
      )}
      {network.data && (
        <ConsentForm
          key={initialMemberId ?? 'none'}
          personId={person.id}
          personName={personName}
          members={network.data.items}
          initialMemberId={initialMemberId}
        />
      )}
      {consents.data && consents.data.history.length > 0 && (
        <section aria-labelledby="consent-history-heading">
          <Title order={3} size="h4" id="consent-history-heading" mb="xs">
            {t('consent.history.title')}
          </Title>
          <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {consents.data.history.map((record) => (
              <HistoryRow key={record.id} record={record} />
            ))}
          </Stack>
        </section>
      )}
    </Stack>
  );
}

function recipientName(recipient: CurrentConsent['recipient']): string {
  return recipient.name;
}

function CurrentRow({ consent }: { consent: CurrentConsent }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const style = statusStyle[consent.status];
  const purpose =
    consent.purpose === 'other' && consent.purposeDetail
      ? consent.purposeDetail
      : t(`consent.purposes.${consent.purpose}`);
  const detail =
    consent.status === 'granted'
      ? consent.expiresOn
        ? t('consent.current.grantedUntil', {
            since: format.calendarDate(consent.since),
            until: format.calendarDate(consent.expiresOn),
          })
        : t('consent.current.grantedSince', { since: format.calendarDate(consent.since) })
      : consent.status === 'expired' && consent.expiresOn
        ? t('consent.current.expiredOn', { date: format.calendarDate(consent.expiresOn) })
        : t('consent.current.since', { date: format.calendarDate(consent.since) });
  return (
    <Paper component="li" withBorder p="sm" data-testid="consent-current" data-status={consent.status}>
      <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
            {recipientName(consent.recipient)}
            {consent.recipient.kind === 'organisation' && (
              <Text span size="sm" fw={400} c="dark.6">
                {' '}
                ({t('consent.current.organisation')})
              </Text>
            )}
          </Text>
          <Text size="sm">{purpose}</Text>
          <Text size="sm" c="dark.6">
            {detail}
          </Text>
        </Stack>
        <Badge
          color={style.color}
          variant={style.variant}
          size="lg"
          tt="none"
          leftSection={<span aria-hidden="true">{style.icon}</span>}
        >
          {t(`consent.status.${consent.status}`)}
        </Badge>
      </Group>
    </Paper>
  );
}

function HistoryRow({ record }: { record: ConsentRecord }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const purpose =
    record.purpose === 'other' && record.purposeDetail ? record.purposeDetail : t(`consent.purposes.${record.purpose}`);
  return (
    <Paper component="li" withBorder px="sm" py="xs">
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {t('consent.history.row', {
          date: format.calendarDate(record.decidedOn),
          decision: t(`consent.status.${record.decision}`),
          recipient: record.recipient.name,
          purpose,
        })}
        {record.expiresOn && ` ${t('consent.history.until', { date: format.calendarDate(record.expiresOn) })}`}
      </Text>
      <Text size="xs" c="dark.6">
        {t('consent.history.how', {
          how: t(`consent.ways.${record.howGiven}`),
          who: record.recordedBy.displayName ?? t('history.someone'),
          when: format.date(record.recordedAt),
        })}
      </Text>
      {record.notes && (
        <Text size="xs" style={{ whiteSpace: 'pre-line' }}>
          {record.notes}
        </Text>
      )}
    </Paper>
  );
}
