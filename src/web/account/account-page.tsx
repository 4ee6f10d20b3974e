import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context';
import { PageHeading } from '../ui/page-heading';
import { CalendarFeedSection } from './calendar-feed-section';
import { ChangePasswordForm } from './change-password-form';
import { SecondFactorSection } from './second-factor-section';
import { SessionsSection } from './sessions-section';

export function AccountPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <Stack gap="lg">
      <PageHeading>{t('account.title')}</PageHeading>
      <Text>{t('account.signedInWith', { email: user.email })}</Text>
      <ChangePasswordForm />
      <SecondFactorSection />
      <SessionsSection />
      {user.role !== 'administrator' && <CalendarFeedSection />}
    </Stack>
  );
}
