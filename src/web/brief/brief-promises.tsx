import { Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Commitment } from '../../domain/commitments.js';
import type { Brief } from '../../domain/brief.js';
import { useDateFormat } from '../i18n/format';
import { localToday } from '../ui/local-time';
import { dueState, overdueFirst } from './brief-model';
import { BriefSection } from './brief-section';

/** "you" → "You": a name in words starts the line. */
const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** One promise: what, who to whom, and where its date stands (overdue said plainly, not shouted). */
export function PromiseLine({ promise, showStatus = false }: { promise: Commitment; showStatus?: boolean }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const due = dueState(promise.dueOn, localToday());
  const finished = promise.status !== 'open' && promise.status !== 'renegotiated';
  const date = format.calendarDate(promise.dueOn);
  const when = finished
    ? null
    : due.kind === 'overdue'
      ? t('brief.promises.overdue', { count: due.days, date })
      : due.kind === 'today'
        ? t('brief.promises.dueToday')
        : t('brief.promises.due', { date, relative: format.relativeDays(due.days) });
  return (
    <li data-testid="brief-promise">
      <Stack gap={2}>
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {promise.what}
        </Text>
        <Text size="sm" c="dark.7">
          {capitalised(t('brief.promises.who', { by: promise.by.name, to: promise.to.name }))}
        </Text>
        <Group gap="xs" wrap="wrap">
          {when && (
            <Text size="sm" c={due.kind === 'overdue' ? 'red.9' : 'dark.7'} fw={due.kind === 'overdue' ? 600 : 400}>
              {when}
            </Text>
          )}
          {(showStatus || promise.status === 'renegotiated') && (
            <Badge variant="outline" color="dark.6" size="sm">
              {t(`promises.status.${promise.status}`)}
            </Badge>
          )}
        </Group>
      </Stack>
    </li>
  );
}

function PromiseList({ heading, empty, items }: { heading: string; empty: string; items: Commitment[] }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {heading}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dark.6">
          {empty}
        </Text>
      ) : (
        <ul className="brief-list" aria-label={heading}>
          {overdueFirst(items).map((promise) => (
            <PromiseLine key={promise.id} promise={promise} />
          ))}
        </ul>
      )}
    </Stack>
  );
}

/** Open promises both ways: what we owe them, and what others said they would do. Overdue first. */
export function PromisesSection({ brief }: { brief: Brief }) {
  const { t } = useTranslation();
  return (
    <BriefSection title={t('brief.promises.title')} wide>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <PromiseList
          heading={t('brief.promises.byUs')}
          empty={t('brief.promises.byUsNone')}
          items={brief.promises.byUs}
        />
        <PromiseList
          heading={t('brief.promises.toUs')}
          empty={t('brief.promises.toUsNone')}
          items={brief.promises.toUs}
        />
      </SimpleGrid>
    </BriefSection>
  );
}
