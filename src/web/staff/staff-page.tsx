import { Alert, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../ui/page-heading';
import { AddStaffForm } from './add-staff-form';
import { StaffList } from './staff-list';
import { TeamsSection } from './teams-section';
import { useStaff, useTeams } from './use-staff';

/** Administrators: who signs in, in which role and team. No case records here. */
export function StaffPage() {
  const { t } = useTranslation();
  const staff = useStaff();
  const teams = useTeams();
  const error = staff.error ?? teams.error;
  return (
    <Stack gap="lg">
      <PageHeading>{t('staff.title')}</PageHeading>
      <Text>{t('staff.intro')}</Text>
      {(staff.isPending || teams.isPending) && <Loader aria-label={t('common.loading')} />}
      {error && (
        <Alert color="red" role="alert">
          {error.message}
        </Alert>
      )}
      {staff.data && teams.data && (
        <>
          <StaffList staff={staff.data.items} teams={teams.data.items} />
          <AddStaffForm teams={teams.data.items} />
          <TeamsSection teams={teams.data.items} staff={staff.data.items} />
        </>
      )}
    </Stack>
  );
}
