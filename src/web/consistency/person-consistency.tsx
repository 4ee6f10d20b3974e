import { Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../domain/people.js';
import { ConsistencyFigures, PeriodControl, type Period } from './consistency-figures';
import { usePersonConsistency } from './use-consistency';

/** The person's Consistency tab: promises kept on time, visits on time, check-ins on rhythm — with them. */
export function PersonConsistency({ person }: { person: Person }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<Period>('90');
  const consistency = usePersonConsistency(person.id, Number(period));
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('consistency.title')}
      </Title>
      <Text size="sm">{t('consistency.personIntro', { name: person.addressAs ?? person.fullName })}</Text>
      <PeriodControl value={period} onChange={setPeriod} />
      <ConsistencyFigures query={consistency} />
    </Stack>
  );
}
