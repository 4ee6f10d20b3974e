import { Badge, NavLink, Stack, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { caseRoles, type Role } from '../../domain/roles.js';
import { useUnreadCount } from '../notifications/use-notifications';

interface Item {
  to: string;
  label: string;
  roles: readonly Role[];
  badge?: number;
}

function isCurrent(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' || pathname.startsWith('/people/') : pathname.startsWith(to);
}

export function Navigation({ role, onNavigate }: { role: Role; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const unread = useUnreadCount();
  const items: Item[] = [
    { to: '/', label: t('shell.nav.caseload'), roles: caseRoles },
    { to: '/promises', label: t('shell.nav.promises'), roles: caseRoles },
    { to: '/checkins', label: t('shell.nav.checkins'), roles: caseRoles },
    { to: '/consistency', label: t('shell.nav.consistency'), roles: caseRoles },
    {
      to: '/notifications',
      label: t('shell.nav.notifications'),
      roles: ['practitioner', 'supervisor', 'manager', 'administrator'],
      badge: unread,
    },
    { to: '/access-review', label: t('shell.nav.accessReview'), roles: ['supervisor', 'manager'] },
    { to: '/admin', label: t('shell.nav.staff'), roles: ['administrator'] },
    {
      to: '/account',
      label: t('shell.nav.account'),
      roles: ['practitioner', 'supervisor', 'manager', 'administrator'],
    },
  ];
  return (
    <Stack gap={4}>
      {items
        .filter((item) => item.roles.includes(role))
        .map((item) => {
          const current = isCurrent(pathname, item.to);
          return (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={
                <>
                  {item.label}
                  {item.badge ? <VisuallyHidden>{t('shell.nav.unread', { count: item.badge })}</VisuallyHidden> : null}
                </>
              }
              active={current}
              aria-current={current ? 'page' : undefined}
              onClick={onNavigate}
              rightSection={
                item.badge ? (
                  <Badge size="sm" color="red.8" circle aria-hidden>
                    {item.badge}
                  </Badge>
                ) : undefined
              }
            />
          );
        })}
    </Stack>
  );
}
