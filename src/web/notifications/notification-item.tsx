import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Notification } from '../../domain/notifications.js';
import { useDateFormat } from '../i18n/format';
import { localToday } from '../ui/local-time';
import { describeNotification, type NotificationView } from './describe-notification';
import { useMarkNotificationRead } from './use-notifications';

/** One notification: a reminder (promise, check-in, date coming up) or an emergency-access alert. */
export function NotificationItem({ notification }: { notification: Notification }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const markRead = useMarkNotificationRead();
  const view = describeNotification(notification, localToday());
  const person = notification.person?.fullName ?? '';
  const read = () => {
    if (!notification.read) {
      markRead.mutate(notification.id);
    }
  };
  const sentence =
    view.key === 'breakGlass' || view.key === 'breakGlassOutsideTeams'
      ? t(`notifications.${view.key}`, {
          actor: notification.actor?.displayName ?? t('notifications.aColleague'),
          person,
        })
      : t(`notifications.kinds.${view.key}`, {
          person,
          when: view.daysFromToday === null ? '' : format.relativeDays(view.daysFromToday),
        });
  return (
    <Paper
      component="li"
      withBorder
      p="md"
      bg={notification.read ? undefined : 'teal.0'}
      data-testid="notification"
      data-kind={notification.kind}
    >
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          {!notification.read && (
            <Badge color="teal.9" variant="filled">
              {t('notifications.new')}
            </Badge>
          )}
          <Badge color="dark.6" variant="outline" tt="none">
            {t(`notifications.kindLabels.${notification.kind}`)}
          </Badge>
          <Text size="sm" c="gray.7">
            {format.dateTime(notification.createdAt)}
          </Text>
        </Group>
        <Text fw={notification.read ? 400 : 600} style={{ overflowWrap: 'anywhere' }}>
          {sentence}
        </Text>
        <ReminderDetails notification={notification} view={view} />
        {notification.reason && <Text size="sm">{t('notifications.reason', { reason: notification.reason })}</Text>}
        <Group gap="md" wrap="wrap">
          {view.link && (
            <Anchor component={Link} to={view.link} onClick={read} size="sm">
              {t(openKey(notification.kind), { person })}
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

function ReminderDetails({ notification, view }: { notification: Notification; view: NotificationView }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  if (!view.reminder) {
    return null;
  }
  const aboutKey =
    notification.kind === 'checkin_overdue'
      ? 'rhythm'
      : notification.kind === 'date_coming_up'
        ? 'remember'
        : 'promise';
  return (
    <>
      {view.about && (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t(`notifications.about.${aboutKey}`, { about: view.about })}
        </Text>
      )}
      {notification.dueOn && (
        <Text size="sm" c="dark.6">
          {t('notifications.dueOn', { date: format.calendarDate(notification.dueOn) })}
        </Text>
      )}
      {notification.kind === 'promise_overdue' && view.link && (
        <Text size="sm" c="dark.6">
          {t('notifications.overdueHint')}
        </Text>
      )}
    </>
  );
}

/** What the link says: the record (emergency access), or the part of it a reminder is about. */
function openKey(kind: Notification['kind']) {
  switch (kind) {
    case 'break_glass':
    case 'checkin_prompt':
    case 'checkin_signal':
      return 'notifications.openRecord' as const;
    case 'promise_due':
    case 'promise_overdue':
      return 'notifications.openPromises' as const;
    case 'checkin_overdue':
      return 'notifications.openCheckins' as const;
    case 'date_coming_up':
      return 'notifications.openRemember' as const;
  }
}
