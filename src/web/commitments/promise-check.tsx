import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { calendarDate } from '../../domain/dates.js';
import { localToday } from '../ui/local-time';
import { usePromiseCheck } from './use-commitments';

/**
 * The gentle check before you promise something: how many of your promises are past their date,
 * and whether the date is a day you work. It informs as the date is chosen; it never blocks.
 */
export function PromiseCheck({ dueOn }: { dueOn: string }) {
  const { t } = useTranslation();
  const valid = calendarDate.safeParse(dueOn).success && dueOn >= localToday();
  const check = usePromiseCheck(valid ? dueOn : null);
  const data = valid ? check.data : undefined;
  const lines = data
    ? [
        data.overdueCount > 0 ? t('promises.check.overdue', { count: data.overdueCount }) : null,
        data.outsideWorkingDays ? t('promises.check.dayOff') : null,
      ].filter((line): line is string => line !== null)
    : [];
  return (
    <div role="status" aria-live="polite">
      {lines.length > 0 && (
        <Paper p="xs" bg="blue.0" withBorder style={{ borderColor: 'var(--mantine-color-blue-2)' }}>
          <Stack gap={2}>
            {lines.map((line) => (
              <Text key={line} size="sm" c="dark.8">
                {line}
              </Text>
            ))}
            <Text size="sm" c="dark.6">
              {t('promises.check.never')}
            </Text>
          </Stack>
        </Paper>
      )}
    </div>
  );
}
