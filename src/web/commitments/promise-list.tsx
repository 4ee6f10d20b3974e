import { Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Commitment } from '../../domain/commitments.js';
import { PromiseItem } from './promise-item';
import type { LedgerFilter } from './use-commitments';

const filters: LedgerFilter[] = ['outstanding', 'overdue', 'finished', 'all'];

/** Which promises to show: still owed, overdue, finished, or all. */
export function LedgerFilterControl({
  value,
  onChange,
}: {
  value: LedgerFilter;
  onChange: (next: LedgerFilter) => void;
}) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('promises.filterLabel')}
      value={value}
      onChange={onChange}
      data={filters.map((filter) => ({ value: filter, label: t(`promises.filters.${filter}`) }))}
      size="sm"
      color="teal.9"
      style={{ maxWidth: '100%', flexWrap: 'wrap' }}
    />
  );
}

interface Props {
  items: Commitment[];
  /** The list's name for screen readers. */
  label: string;
  empty: string;
  showPerson?: boolean;
}

export function PromiseList({ items, label, empty, showPerson }: Props) {
  if (items.length === 0) {
    return (
      <Paper withBorder p="md" bg="gray.0">
        <Text size="sm">{empty}</Text>
      </Paper>
    );
  }
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {items.map((item) => (
        <PromiseItem key={item.id} commitment={item} showPerson={showPerson} />
      ))}
    </Stack>
  );
}
