import { NativeSelect } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useTeams } from '../staff/use-staff';

interface Props {
  value: string | undefined;
  onChange: (teamId: string | undefined) => void;
}

/** Managers look at one team's people at a time: the first team until they choose another. */
export function TeamChooser({ value, onChange }: Props) {
  const { t } = useTranslation();
  const teams = useTeams();
  const items = teams.data?.items ?? [];
  const first = items[0]?.id;

  useEffect(() => {
    if (value === undefined && first !== undefined) {
      onChange(first);
    }
  }, [value, first, onChange]);

  return (
    <NativeSelect
      label={t('people.caseload.team')}
      value={value ?? ''}
      onChange={(event) => onChange(event.currentTarget.value || undefined)}
      data={items.map((team) => ({ value: team.id, label: team.name }))}
      disabled={items.length === 0}
      style={{ maxWidth: 320 }}
    />
  );
}
