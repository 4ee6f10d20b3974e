import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../ui/page-heading';

/** An address the app does not know (not a record: see people/record-unavailable). */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageHeading>{t('shell.notFound.title')}</PageHeading>
      <Text>{t('shell.notFound.body')}</Text>
      <Anchor component={Link} to="/">
        {t('shell.backHome')}
      </Anchor>
    </Stack>
  );
}
