import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember, Team } from '../../domain/staff.js';
import { EditStaffDialog } from './edit-staff-dialog';

export function teamNames(teamIds: string[], teams: Team[]): string {
  return teamIds
    .map((id) => teams.find((team) => team.id === id)?.name)
    .filter(Boolean)
    .join(', ');
}

export function StaffList({ staff, teams }: { staff: StaffMember[]; teams: Team[] }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<StaffMember | null>(null);
  return (
    <Stack component="section" aria-labelledby="staff-heading" gap="sm">
      <Title order={2} size="h3" id="staff-heading">
        {t('staff.list.title', { count: staff.length })}
      </Title>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {staff.map((member) => (
          <Paper component="li" key={member.id} withBorder px="md" py="sm" bg={member.disabled ? 'gray.1' : undefined}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Group gap="xs" wrap="wrap">
                  <Text fw={600}>{member.displayName}</Text>
                  <Badge variant="light" color="teal">
                    {t(`roles.${member.role}`)}
                  </Badge>
                  {member.disabled && (
                    <Badge variant="light" color="red">
                      {t('staff.list.disabled')}
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
                  {member.email}
                </Text>
                <Text size="sm">
                  {teamNames(member.teamIds, teams) || t('staff.list.noTeam')}
                  {' · '}
                  {member.secondFactorEnabled ? t('staff.list.secondFactorOn') : t('staff.list.secondFactorOff')}
                </Text>
              </Stack>
              <Button
                variant="outline"
                size="xs"
                onClick={() => setEditing(member)}
                aria-label={t('staff.list.editLabel', { name: member.displayName })}
              >
                {t('staff.list.edit')}
              </Button>
            </Group>
          </Paper>
        ))}
      </Stack>
      {editing && <EditStaffDialog member={editing} teams={teams} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
