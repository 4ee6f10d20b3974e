import { Alert, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Person } from '../../domain/people.js';
import { isApiError } from '../api/api-error';
import { AccessLogSection } from '../audit/access-log-section';
import { useSession } from '../auth/session-context';
import { PageHeading } from '../ui/page-heading';
import { AccessBasisNotice } from './access-basis-notice';
import { AllocationSection } from './allocation-section';
import { PersonSummary } from './person-summary';
import { RecordUnavailable } from './record-unavailable';
import { RestrictionSection } from './restriction-section';
import { usePerson } from './use-people';

export function PersonPage() {
  const { personId = '' } = useParams();
  const { t } = useTranslation();
  const person = usePerson(personId);

  if (person.isPending) {
    return (
      <Stack>
        <PageHeading>{t('people.person.opening')}</PageHeading>
        <Loader aria-label={t('common.loading')} />
      </Stack>
    );
  }
  if (person.isError) {
    // 404 and a malformed id look the same: nothing tells whether such a record exists.
    if (isApiError(person.error, 404) || isApiError(person.error, 400) || isApiError(person.error, 422)) {
      return <RecordUnavailable personId={personId} />;
    }
    return (
      <Stack>
        <PageHeading>{t('people.person.errorTitle')}</PageHeading>
        <Alert color="red" role="alert">
          {person.error.message}
        </Alert>
      </Stack>
    );
  }
  return <PersonRecord person={person.data} />;
}

function PersonRecord({ person }: { person: Person }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const overseer = user.role === 'supervisor' || user.role === 'manager';
  return (
    <Stack gap="lg">
      {/* The page title stays generic: titles are kept in browser history. */}
      <PageHeading documentTitle={t('people.person.documentTitle')}>{person.fullName}</PageHeading>
      <AccessBasisNotice person={person} viewerId={user.id} />
      <PersonSummary person={person} showAllocations={!overseer} />
      {overseer && (
        <>
          <AllocationSection person={person} />
          <RestrictionSection person={person} />
          <AccessLogSection personId={person.id} />
        </>
      )}
    </Stack>
  );
}
