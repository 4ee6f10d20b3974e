import { Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createTeamRequest, type StaffMember, type Team } from '../../domain/staff.js';
import { FormMessage } from '../ui/form-message';
import { useZodForm } from '../ui/use-zod-form';
import { useCreateTeam } from './use-staff';

export function TeamsSection({ teams, staff }: { teams: Team[]; staff: StaffMember[] }) {
  const { t } = useTranslation();
  const form = useZodForm(createTeamRequest, { name: '' });
  const create = useCreateTeam();
  const nameOf = (id: string) => staff.find((member) => member.id === id)?.displayName;

  function submit(event: FormEvent) {
    event.preventDefault();
    const values = form.validate();
    if (values) {
      create.mutate(values.name, {
        onSuccess: () => form.reset(),
        onError: (error) => form.showError(error, t('common.unreachable')),
      });
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="teams-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="teams-heading">
          {t('staff.teams.title')}
        </Title>
        {teams.length === 0 ? (
          <Text>{t('staff.teams.none')}</Text>
        ) : (
          <List spacing="xs">
            {teams.map((team) => {
              const members = team.memberIds.map(nameOf).filter(Boolean).join(', ');
              return (
                <List.Item key={team.id}>
                  <Text span fw={600}>
                    {team.name}
                  </Text>
                  {': '}
                  {members || t('staff.teams.noMembers')}
                </List.Item>
              );
            })}
          </List>
        )}
        <form id={form.formId} onSubmit={submit} noValidate>
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              label={t('staff.teams.newName')}
              required
              {...form.textProps('name')}
              style={{ flex: '1 1 220px' }}
            />
            <Button type="submit" loading={create.isPending} mt={{ base: 0, xs: 25 }}>
              {t('staff.teams.add')}
            </Button>
          </Group>
          <FormMessage message={form.formError} />
        </form>
      </Stack>
    </Paper>
  );
}
