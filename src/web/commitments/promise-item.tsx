import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { outstanding, type Commitment } from '../../domain/commitments.js';
import { useDateFormat } from '../i18n/format';
import { daysBetween, localToday } from '../ui/local-time';
import { capitalise, promiseTone, type PromiseTone } from './ledger';
import { PromiseActions } from './promise-actions';
import { PromiseHistory } from './promise-history';

// Calm colours: past its date is visible, not an alarm; not kept is a fact, not a failure.
const toneStyle: Record<PromiseTone, { color: string; variant: 'filled' | 'outline'; icon: string }> = {
  overdue: { color: 'orange.9', variant: 'filled', icon: '!' },
  open: { color: 'blue.9', variant: 'outline', icon: '○' },
  renegotiated: { color: 'blue.9', variant: 'outline', icon: '↻' },
  kept: { color: 'teal.8', variant: 'filled', icon: '✓' },
  kept_late: { color: 'teal.9', variant: 'outline', icon: '✓' },
  not_kept: { color: 'gray.8', variant: 'outline', icon: '–' },
};

interface Props {
  commitment: Commitment;
  /** On the practitioner's own ledger: which person's record the promise belongs to. */
  showPerson?: boolean;
}

/** One promise: who promised whom, what, by when, where it stands, its history, and what to do next. */
export function PromiseItem({ commitment, showPerson = false }: Props) {
  const { t, i18n } = useTranslation();
  const format = useDateFormat();
  const [saved, setSaved] = useState<string | null>(null);
  const today = localToday();
  const { tone, daysOverdue } = promiseTone(commitment, today);
  const style = toneStyle[tone];
  // Whoever the promise is with, from our side: the one to talk a change through with.
  const counterpart = commitment.by.kind === 'practitioner' ? commitment.to.name : commitment.by.name;
  const open = outstanding(commitment.status);
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      data-testid="promise"
      data-status={commitment.status}
      data-overdue={commitment.overdue}
      style={tone === 'overdue' ? { borderInlineStart: '4px solid var(--mantine-color-orange-9)' } : undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
          <Stack gap={2} style={{ minWidth: 0 }}>
            {showPerson && (
              <Anchor
                component={Link}
                to={`/people/${commitment.personId}/promises`}
                size="sm"
                fw={600}
                style={{ overflowWrap: 'anywhere' }}
              >
                {t('promises.withPerson', { name: commitment.personName })}
              </Anchor>
            )}
            <Text size="sm" c="dark.7">
              {capitalise(t('promises.sentence', { by: commitment.by.name, to: commitment.to.name }), i18n.language)}
            </Text>
          </Stack>
          <Badge
            color={style.color}
            variant={style.variant}
            tt="none"
            size="md"
            leftSection={<span aria-hidden="true">{style.icon}</span>}
          >
            {tone === 'overdue' ? t('promises.overdue', { count: daysOverdue }) : t(`promises.status.${tone}`)}
          </Badge>
        </Group>
        <Text fw={600} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
          {commitment.what}
        </Text>
        <Text size="sm" c="dark.6">
          {commitment.keptOn
            ? t('promises.keptOn', { date: format.calendarDate(commitment.keptOn) })
            : t('promises.due', {
                date: format.calendarDate(commitment.dueOn),
                relative: format.relativeDays(daysBetween(today, commitment.dueOn)),
              })}
          {commitment.madeInContactId && ` · ${t('promises.madeInContact')}`}
        </Text>
        <div role="status">
          {saved && (
            <Text size="sm" fw={600} c="teal.9">
              {saved}
            </Text>
          )}
        </div>
        {open && <PromiseActions commitment={commitment} counterpart={counterpart} onSaved={setSaved} />}
        <PromiseHistory commitment={commitment} />
      </Stack>
    </Paper>
  );
}
