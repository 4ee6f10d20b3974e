import { Alert, Button, Paper, PasswordInput, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createStaffRequest, type Team } from '../../domain/staff.js';
import { FormMessage } from '../ui/form-message';
import { useZodForm } from '../ui/use-zod-form';
import { RoleSelect } from './role-select';
import { TeamCheckboxes } from './team-checkboxes';
import { useCreateStaff } from './use-staff';

export function AddStaffForm({ teams }: { teams: Team[] }) {
  const { t } = useTranslation();
  const [added, setAdded] = useState<string | null>(null);
  const form = useZodForm(createStaffRequest, {
    email: '',
    displayName: '',
    role: 'practitioner',
    teamIds: [],
    initialPassword: '',
  });
  const create = useCreateStaff();

  function submit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    const values = form.validate();
    if (values) {
      create.mutate(values, {
        onSuccess: (member) => {
          form.reset();
          setAdded(member.displayName);
        },
        onError: (error) => form.showError(error, t('common.unreachable')),
      });
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="add-staff-heading">
      <form id={form.formId} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="add-staff-heading">
            {t('staff.form.addTitle')}
          </Title>
          {added && (
            <Alert color="teal" role="status">
              {t('staff.form.added', { name: added })}
            </Alert>
          )}
          <FormMessage message={form.formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('staff.form.displayName')} required {...form.textProps('displayName')} />
            <TextInput label={t('staff.form.email')} type="email" required {...form.textProps('email')} />
            <RoleSelect
              value={form.values.role}
              onChange={(role) => form.setValue('role', role)}
              error={form.errors.role}
            />
            <PasswordInput
              label={t('staff.form.initialPassword')}
              description={t('staff.form.initialPasswordHint')}
              autoComplete="new-password"
              required
              {...form.textProps('initialPassword')}
            />
          </SimpleGrid>
          <TeamCheckboxes
            teams={teams}
            value={form.values.teamIds ?? []}
            onChange={(teamIds) => form.setValue('teamIds', teamIds)}
            error={form.errors.teamIds}
          />
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('staff.form.add')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
