import { Alert, Anchor, Loader, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/session-context';
import { VisitLinks } from '../brief/visit-links';
import { PageHeading } from '../ui/page-heading';
import { RhythmFacts } from './rhythm-item';
import { useOverdueCheckins, type OverdueCheckin } from './use-cadence';

/**
 * "Check-ins due": the user's own people whose agreed rhythm has come round or slipped; a
 * supervisor can also look across their teams (a manager, the organisation).
 */
export function CheckinsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const overseer = user.role === 'supervisor' || user.role === 'manager';
  const [mine, setMine] = useState(true);
  const checkins = useOverdueCheckins(mine);
  const wider = user.role === 'manager' ? 'everyone' : 'teams';
  const intro = mine
    ? t('checkins.due.introMine')
    : wider === 'everyone'
      ? t('checkins.due.introEveryone')
      : t('checkins.due.introTeams');
  return (
    <Stack gap="md">
      <PageHeading>{t('checkins.due.title')}</PageHeading>
      {overseer && (
        <SegmentedControl
          aria-label={t('checkins.due.filterLabel')}
          value={mine ? 'mine' : 'wider'}
          onChange={(value) => setMine(value === 'mine')}
          data={[
            { value: 'mine', label: t('checkins.due.mine') },
            { value: 'wider', label: t(`checkins.due.${wider}`) },
          ]}
          color="teal.9"
          style={{ alignSelf: 'flex-start' }}
        />
      )}
      <Text size="sm">{intro}</Text>
      {checkins.isPending && <Loader aria-label={t('common.loading')} />}
      {checkins.isError && (
        <Alert color="red" role="alert">
          {checkins.error.message}
        </Alert>
      )}
      {checkins.data && (
        <Text size="sm" c="dark.6" role="status">
          {t('checkins.due.count', { count: checkins.data.items.length })}
        </Text>
      )}
      {checkins.data?.items.length === 0 && (
        <Paper withBorder p="lg" bg="gray.0">
          <Text>{mine ? t('checkins.due.emptyMine') : t('checkins.due.empty')}</Text>
          {mine && overseer && (
            <Text size="sm" mt="xs">
              {t('checkins.due.emptyMineWider', { wider: t(`checkins.due.${wider}`) })}
            </Text>
          )}
        </Paper>
      )}
      {checkins.data && checkins.data.items.length > 0 && (
        <Stack
          component="ul"
          gap="xs"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('checkins.due.listLabel')}
        >
          {checkins.data.items.map((checkin) => (
            <CheckinRow key={checkin.id} checkin={checkin} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function CheckinRow({ checkin }: { checkin: OverdueCheckin }) {
  const { t } = useTranslation();
  const nameId = useId();
  return (
    <Paper
      component="li"
      withBorder
      px="md"
      py="sm"
      data-testid="checkin-due"
      data-state={checkin.state}
      style={checkin.state === 'overdue' ? { borderInlineStart: '4px solid var(--mantine-color-orange-9)' } : undefined}
    >
      <Stack gap={6}>
        <Anchor
          component={Link}
          to={`/people/${checkin.personId}/promises`}
          id={nameId}
          fw={600}
          fz="lg"
          style={{ overflowWrap: 'anywhere' }}
        >
          {checkin.networkMember
            ? t('checkins.due.itemMember', { who: checkin.networkMember.name, person: checkin.personName })
            : t('checkins.due.item', { who: checkin.personName })}
        </Anchor>
        <RhythmFacts cadence={checkin} />
        <VisitLinks personId={checkin.personId} describedBy={nameId} />
      </Stack>
    </Paper>
  );
}
