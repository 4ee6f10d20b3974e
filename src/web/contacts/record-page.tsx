import { Alert, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../api/api-error';
import { RecordUnavailable } from '../people/record-unavailable';
import { usePerson } from '../people/use-people';
import { PageHeading } from '../ui/page-heading';
import { RecordView } from './record-view';

/** "Record a visit" as a page of its own (`/people/:personId/contacts/new`): ids only in the address. */
export function RecordPage() {
  const { personId = '' } = useParams();
  const { t } = useTranslation();
  const person = usePerson(personId);

  if (person.isPending) {
    return (
      <Stack>
        <PageHeading documentTitle={t('record.documentTitle')}>{t('record.opening')}</PageHeading>
        <Loader aria-label={t('common.loading')} />
      </Stack>
    );
  }
  if (person.isError) {
    // The same words for "does not exist" and "not yours" (SECURITY.md check 8).
    if (isApiError(person.error, 404) || isApiError(person.error, 400) || isApiError(person.error, 422)) {
      return <RecordUnavailable personId={personId} />;
    }
    return (
      <Stack>
        <PageHeading documentTitle={t('record.documentTitle')}>{t('people.person.errorTitle')}</PageHeading>
        <Alert color="red" role="alert">
          {person.error.message}
        </Alert>
      </Stack>
    );
  }
  return <RecordView person={person.data} />;
}
