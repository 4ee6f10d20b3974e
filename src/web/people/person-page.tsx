import { Alert, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Person } from '../../domain/people.js';
import { isApiError } from '../api/api-error';
import { useSession } from '../auth/session-context';
import { VisitLinks } from '../brief/visit-links';
import { ApproachWithCareBanner } from '../profile/approach-with-care-banner';
import { PageHeading } from '../ui/page-heading';
import { AccessBasisNotice } from './access-basis-notice';
import { KeyFacts } from './key-facts';
import { PersonSections, isSection, type Section } from './person-sections';
import { RecordUnavailable } from './record-unavailable';
import { usePerson } from './use-people';

export function PersonPage() {
  const { personId = '', section } = useParams();
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
  return <PersonRecord person={person.data} section={isSection(section) ? section : 'profile'} />;
}

function PersonRecord({ person, section }: { person: Person; section: Section }) {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <Stack gap="md">
      {/* The page title stays generic: titles are kept in browser history. */}
      <PageHeading documentTitle={t('people.person.documentTitle')}>{person.fullName}</PageHeading>
      <KeyFacts person={person} />
      <VisitLinks personId={person.id} />
      <AccessBasisNotice person={person} viewerId={user.id} />
      <ApproachWithCareBanner personId={person.id} />
      <PersonSections person={person} section={section} />
    </Stack>
  );
}
