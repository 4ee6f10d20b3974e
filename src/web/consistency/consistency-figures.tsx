import { Alert, Loader, SegmentedControl, Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Consistency } from '../../domain/consistency.js';
import { FigureCard } from './figure-card';
import { figuresOf } from './figure';

export const periods = ['30', '90', '365'] as const;
export type Period = (typeof periods)[number];

/** The period chooser: the last 30 days, 90 days, or year. */
export function PeriodControl({ value, onChange }: { value: Period; onChange: (period: Period) => void }) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('consistency.period')}
      value={value}
      onChange={onChange}
      data={periods.map((period) => ({ value: period, label: t(`consistency.periods.${period}`) }))}
      color="teal.9"
      style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
    />
  );
}

/** The three figures of one answer, or where the answer stands. */
export function ConsistencyFigures({ query }: { query: UseQueryResult<Consistency> }) {
  const { t } = useTranslation();
  if (query.isPending) {
    return <Loader aria-label={t('common.loading')} />;
  }
  if (query.isError) {
    return (
      <Alert color="red" role="alert">
        {query.error.message}
      </Alert>
    );
  }
  return (
    <Stack gap="sm" aria-busy={query.isFetching} data-testid="consistency-figures">
      {figuresOf(query.data).map(({ name, figure }) => (
        <FigureCard key={name} name={name} figure={figure} />
      ))}
    </Stack>
  );
}
