import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Notification } from '../../domain/notifications.js';
import { useDateFormat } from '../i18n/format';
import { PageHeading } from '../ui/page-heading';
import { useMarkNotificationRead, useNotifications } from './use-notifications';

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

function NotificationItem({ notification }: { notification: Notification }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const markRead = useMarkNotificationRead();
  const read = () => {
    if (!notification.read) {
      markRead.mutate(notification.id);
    }
  };
  return (
    <Paper component="li" withBorder p="md" bg={notification.read ? undefined : 'teal.0'}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          {!notification.read && (
            <Badge color="teal.9" variant="filled">
              {t('notifications.new')}
            </Badge>
          )}
          <Text size="sm" c="gray.7">
            {format.dateTime(notification.createdAt)}
          </Text>
        </Group>
        <Text fw={notification.read ? 400 : 600}>
          {t(notification.person ? 'notifications.breakGlass' : 'notifications.breakGlassOutsideTeams', {
            actor: notification.actor?.displayName ?? t('notifications.aColleague'),
            person: notification.person?.fullName,
          })}
        </Text>
        {notification.reason && <Text size="sm">{t('notifications.reason', { reason: notification.reason })}</Text>}
        <Group gap="md" wrap="wrap">
          {notification.person && (
            <Anchor component={Link} to={`/people/${notification.person.id}`} onClick={read} size="sm">
              {t('notifications.openRecord')}
            </Anchor>
          )}
          {!notification.read && (
            <Button size="xs" variant="light" onClick={read} loading={markRead.isPending}>
              {t('notifications.markRead')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
