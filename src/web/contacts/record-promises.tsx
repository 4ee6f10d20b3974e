import { Button, Fieldset, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NetworkMember } from '../../domain/network.js';
import { PromiseFields } from '../commitments/promise-fields';
import type { PromiseField, PromiseRowValues } from '../commitments/promise-row';
import type { RecordErrors } from './record-model';

interface Props {
  rows: PromiseRowValues[];
  savedKeys: string[];
  errors: RecordErrors;
  personName: string;
  members: NetworkMember[];
  onChange: (rows: PromiseRowValues[]) => void;
  onAdd: () => void;
}

/** "Add a promise" rows: who, to whom, what, by when. */
export function RecordPromises({ rows, savedKeys, errors, personName, members, onChange, onAdd }: Props) {
  const { t } = useTranslation();
  const rowErrors = (key: string) => {
    const prefix = `promises.${key}.`;
    return Object.fromEntries(
      Object.entries(errors)
        .filter(([field]) => field.startsWith(prefix))
        .map(([field, message]) => [field.slice(prefix.length), message]),
    ) as Partial<Record<PromiseField, string>>;
  };
  return (
    <Fieldset
      legend={
        <Text component="span" fw={700} size="md">
          {t('record.promises.title')}
        </Text>
      }
      variant="unstyled"
    >
      <Stack gap="sm">
        <Text size="sm" c="dark.6">
          {t('record.promises.intro', { name: personName })}
        </Text>
        {rows.map((row, index) =>
          savedKeys.includes(row.key) ? (
            <Text key={row.key} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {t('record.promises.saved', { what: row.what })}
            </Text>
          ) : (
            <PromiseFields
              key={row.key}
              row={row}
              legend={t('record.promises.label', { number: index + 1 })}
              errors={rowErrors(row.key)}
              personName={personName}
              members={members}
              onChange={(next) => onChange(rows.map((candidate) => (candidate.key === row.key ? next : candidate)))}
              onRemove={() => onChange(rows.filter((candidate) => candidate.key !== row.key))}
            />
          ),
        )}
        <div>
          <Button variant="light" onClick={onAdd}>
            {rows.length === 0 ? t('record.promises.add') : t('record.promises.addAnother')}
          </Button>
        </div>
        {rows.length > 0 && (
          <Text size="xs" c="dark.5">
            {t('record.promises.savedWithVisit')}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
