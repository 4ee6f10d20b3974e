import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { updateStaffRequest, type StaffMember, type Team } from '../../domain/staff.js';
import { FormMessage } from '../ui/form-message';
import { useZodForm } from '../ui/use-zod-form';
import { RoleSelect } from './role-select';
import { TeamCheckboxes } from './team-checkboxes';
import { useUpdateStaff } from './use-staff';

interface Props {
  member: StaffMember;
  teams: Team[];
  onClose: () => void;
}

export function EditStaffDialog({ member, teams, onClose }: Props) {
  const { t } = useTranslation();
  const form = useZodForm(updateStaffRequest, {
    displayName: member.displayName,
    role: member.role,
    teamIds: member.teamIds,
    disabled: member.disabled,
  });
  const update = useUpdateStaff();

  function submit(event: FormEvent) {
    event.preventDefault();
    const values = form.validate();
    if (values) {
      update.mutate(
        { userId: member.id, changes: values },
        { onSuccess: onClose, onError: (error) => form.showError(error, t('common.unreachable')) },
      );
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('staff.edit.title', { name: member.displayName })}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form id={form.formId} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormMessage message={form.formError} />
          <TextInput label={t('staff.form.displayName')} required {...form.textProps('displayName')} />
          <RoleSelect
            value={form.values.role ?? member.role}
            onChange={(role) => form.setValue('role', role)}
            error={form.errors.role}
          />
          <TeamCheckboxes
            teams={teams}
            value={form.values.teamIds ?? []}
            onChange={(teamIds) => form.setValue('teamIds', teamIds)}
            error={form.errors.teamIds}
          />
          <Checkbox
            label={t('staff.edit.disabled')}
            description={t('staff.edit.disabledHint')}
            checked={form.values.disabled ?? false}
            onChange={(event) => form.setValue('disabled', event.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('staff.edit.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
