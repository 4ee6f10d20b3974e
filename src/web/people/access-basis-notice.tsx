import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../domain/people.js';
import { useDateFormat } from '../i18n/format';

/** Why the viewer can see this record: access follows a legitimate relationship, said plainly. */
export function AccessBasisNotice({ person, viewerId }: { person: Person; viewerId: string }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const firstName = person.fullName.split(' ')[0] ?? person.fullName;
  switch (person.access.basis) {
    case 'break_glass':
      return (
        <Alert color="orange" variant="light" title={t('people.access.breakGlassTitle')} role="status">
          <Text c="dark.9">
            {t('people.access.breakGlass', {
              time: person.access.expiresAt ? format.time(person.access.expiresAt) : '',
            })}
          </Text>
        </Alert>
      );
    case 'allocation':
      return (
        <Text c="dark.6">
          {person.allocations.some((allocation) => allocation.userId === viewerId)
            ? t('people.access.allocation', { name: firstName })
            : t('people.access.allocationOther')}
        </Text>
      );
    case 'team':
      return <Text c="dark.6">{t('people.access.team')}</Text>;
    case 'organisation':
      return <Text c="dark.6">{t('people.access.organisation')}</Text>;
  }
}
