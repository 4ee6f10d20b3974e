import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../ui/page-heading';

/** Administrators manage staff and teams; case records are not theirs to see. */
export function AdministratorHome() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageHeading>{t('people.adminHome.title')}</PageHeading>
      <Text>{t('people.adminHome.body')}</Text>
      <Anchor component={Link} to="/admin" fw={600}>
        {t('people.adminHome.link')}
      </Anchor>
    </Stack>
  );
}
