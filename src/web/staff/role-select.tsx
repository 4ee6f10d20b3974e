import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '../../domain/roles.js';

interface Props {
  value: Role;
  onChange: (role: Role) => void;
  error?: string | undefined;
}

export function RoleSelect({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('staff.form.role')}
      value={value}
      error={error}
      onChange={(event) => {
        const chosen = roles.find((role) => role === event.currentTarget.value);
        if (chosen) {
          onChange(chosen);
        }
      }}
      data={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
    />
  );
}
