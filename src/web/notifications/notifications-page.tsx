import { Alert, Loader, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../ui/page-heading';
import { NotificationItem } from './notification-item';
import { useNotifications } from './use-notifications';

export function NotificationsPage() {
  const { t } = useTranslation();
  const notifications = useNotifications();
  return (
    <Stack gap="md">
      <PageHeading>{t('notifications.title')}</PageHeading>
      {notifications.isPending && <Loader aria-label={t('common.loading')} />}
      {notifications.isError && (
        <Alert color="red" role="alert">
          {notifications.error.message}
        </Alert>
      )}
      {notifications.data && (
        <Text size="sm" role="status">
          {t('notifications.unreadCount', { count: notifications.data.unread })}
        </Text>
      )}
      {notifications.data?.items.length === 0 && (
        <Paper withBorder p="lg" bg="gray.0">
          <Text>{t('notifications.empty')}</Text>
        </Paper>
      )}
      {notifications.data && notifications.data.items.length > 0 && (
        <Stack
          component="ul"
          gap="sm"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('notifications.listLabel')}
        >
          {notifications.data.items.map((notification) => (
            <NotificationItem key={notification.id} notification={notification} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
