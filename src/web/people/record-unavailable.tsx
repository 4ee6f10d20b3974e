import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { caseRoles } from '../../domain/roles.js';
import { useSession } from '../auth/session-context';
import { PageHeading } from '../ui/page-heading';
import { BreakGlassForm } from './break-glass-form';

/**
 * The same words whether the record does not exist or is outside the viewer's work, so the page
 * never confirms that someone is known to the service (SECURITY.md check 8).
 */
export function RecordUnavailable({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <Stack gap="lg">
      <PageHeading>{t('people.unavailable.title')}</PageHeading>
      <Text>{t('people.unavailable.body')}</Text>
      <Anchor component={Link} to="/">
        {t('people.unavailable.back')}
      </Anchor>
      {caseRoles.includes(user.role) && <BreakGlassForm personId={personId} />}
    </Stack>
  );
}
