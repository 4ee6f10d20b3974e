import { Checkbox, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../domain/staff.js';

interface Props {
  teams: Team[];
  value: string[];
  onChange: (teamIds: string[]) => void;
  error?: string | undefined;
}

/** Team membership as plain checkboxes: easy to read and to use by keyboard. */
export function TeamCheckboxes({ teams, value, onChange, error }: Props) {
  const { t } = useTranslation();
  if (teams.length === 0) {
    return <Text size="sm">{t('staff.teams.none')}</Text>;
  }
  return (
    <Checkbox.Group label={t('staff.form.teams')} value={value} onChange={onChange} error={error}>
      <Group mt="xs" gap="md">
        {teams.map((team) => (
          <Checkbox key={team.id} value={team.id} label={team.name} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}
