import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../ui/page-heading';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageHeading>{t('shell.forbidden.title')}</PageHeading>
      <Text>{t('shell.forbidden.body')}</Text>
      <Anchor component={Link} to="/">
        {t('shell.backHome')}
      </Anchor>
    </Stack>
  );
}
