import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Fact {
  label: string;
  /** Null or empty: shown as "Not recorded". */
  value: ReactNode;
}

/** Label and value pairs as a description list: quick to scan, read in order by screen readers. */
export function FactList({ facts }: { facts: Fact[] }) {
  const { t } = useTranslation();
  return (
    <dl className="fact-list">
      {facts.map((fact) => (
        <div key={fact.label} className="fact-list-row">
          <Text component="dt" fw={600} size="sm">
            {fact.label}
          </Text>
          <Text component="dd" size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
            {fact.value === null || fact.value === '' || fact.value === undefined ? (
              <Text span size="sm" c="dimmed">
                {t('common.notRecorded')}
              </Text>
            ) : (
              fact.value
            )}
          </Text>
        </div>
      ))}
    </dl>
  );
}
