import { Button, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commitment } from '../../domain/commitments.js';
import { useDateFormat } from '../i18n/format';

/** Every step of a promise — made, moved (with the reason), kept or not — shown on request. */
export function PromiseHistory({ commitment }: { commitment: Commitment }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const count = commitment.history.length;
  if (count === 0) {
    return null;
  }
  return (
    <Stack gap={4}>
      <div>
        <Button
          size="compact-sm"
          variant="subtle"
          color="dark"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((shown) => !shown)}
        >
          {open ? t('promises.history.hide') : t('promises.history.show', { count })}
        </Button>
      </div>
      {open && (
        <Stack
          component="ol"
          id={listId}
          gap={6}
          m={0}
          ps="md"
          aria-label={t('promises.history.label', { what: commitment.what })}
          style={{ borderInlineStart: '2px solid var(--mantine-color-gray-4)', listStyle: 'none' }}
        >
          {commitment.history.map((event) => {
            const who = event.recordedBy.displayName ?? t('promises.history.someone');
            const sentence =
              event.event === 'made'
                ? t('promises.history.made', {
                    who,
                    date: event.newDueOn ? format.calendarDate(event.newDueOn) : '',
                  })
                : event.event === 'renegotiated'
                  ? t('promises.history.renegotiated', {
                      who,
                      from: event.previousDueOn ? format.calendarDate(event.previousDueOn) : '',
                      to: event.newDueOn ? format.calendarDate(event.newDueOn) : '',
                    })
                  : t(`promises.history.${event.event}`, { who });
            return (
              <li key={`${event.event}-${event.recordedAt}`}>
                <Text size="sm">
                  {sentence}{' '}
                  <Text span size="xs" c="dark.6">
                    ({format.dateTime(event.recordedAt)})
                  </Text>
                </Text>
                {event.reason && (
                  <Text size="sm" c="dark.7" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                    {t('promises.history.reason', { reason: event.reason })}
                  </Text>
                )}
              </li>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
