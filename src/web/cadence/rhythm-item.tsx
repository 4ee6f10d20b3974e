import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Cadence } from '../../domain/cadence.js';
import { useDateFormat } from '../i18n/format';
import { daysBetween, localToday } from '../ui/local-time';

const stateStyle: Record<Cadence['state'], { color: string; variant: 'filled' | 'outline'; icon: string }> = {
  on_track: { color: 'teal.9', variant: 'outline', icon: '✓' },
  due_today: { color: 'blue.9', variant: 'filled', icon: '•' },
  overdue: { color: 'orange.9', variant: 'filled', icon: '!' },
};

/** A rhythm's state at a glance: a badge (with a symbol, not colour alone). */
export function RhythmBadge({ state }: { state: Cadence['state'] }) {
  const { t } = useTranslation();
  const style = stateStyle[state];
  return (
    <Badge
      color={style.color}
      variant={style.variant}
      tt="none"
      leftSection={<span aria-hidden="true">{style.icon}</span>}
    >
      {t(`checkins.stateLabels.${state}`)}
    </Badge>
  );
}

/** How often, when next due (or how long past), and when they were last in touch. */
export function RhythmFacts({ cadence }: { cadence: Cadence }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const due = format.calendarDate(cadence.nextDueOn);
  const state =
    cadence.state === 'overdue'
      ? t('checkins.state.overdue', { count: cadence.daysOverdue, date: due })
      : cadence.state === 'due_today'
        ? t('checkins.state.due_today')
        : t('checkins.state.on_track', {
            date: due,
            relative: format.relativeDays(daysBetween(localToday(), cadence.nextDueOn)),
          });
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {t('checkins.every', { count: cadence.everyDays })}
        </Text>
        <RhythmBadge state={cadence.state} />
      </Group>
      <Text size="sm">{state}</Text>
      <Text size="sm" c="dark.6">
        {cadence.lastContactAt
          ? t('checkins.lastContact', { date: format.date(cadence.lastContactAt) })
          : t('checkins.noContactYet', { date: format.calendarDate(cadence.agreedOn) })}
      </Text>
    </Stack>
  );
}
