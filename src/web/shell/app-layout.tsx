import { AppShell, Burger, Button, Divider, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { IdleWarningDialog } from '../auth/idle-warning-dialog';
import { useSession, useSessionContext } from '../auth/session-context';
import { useIdleSignOut } from '../auth/use-idle-sign-out';
import { Navigation } from './navigation';

/** The signed-in frame: header, navigation (a drawer on phones), main content, idle sign-out. */
export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const { signOut, refreshSession } = useSessionContext();
  const [navigationOpen, navigation] = useDisclosure(false);
  const idle = useIdleSignOut({
    idleTimeoutSeconds: session.idleTimeoutSeconds,
    expiresAt: session.expiresAt,
    signOut,
    refreshSession,
  });
  const who = t('shell.signedInAs', { name: session.user.displayName, role: t(`roles.${session.user.role}`) });

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !navigationOpen } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <a className="skip-link" href="#main-content">
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navigationOpen}
              onClick={navigation.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navigationOpen ? t('shell.closeMenu') : t('shell.openMenu')}
              aria-expanded={navigationOpen}
              aria-controls="main-navigation"
            />
            <Text fw={700} fz="lg" c="teal.9">
              {t('shell.productName')}
            </Text>
          </Group>
          <Text size="sm" visibleFrom="sm" ta="end">
            {who}
          </Text>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="main-navigation" aria-label={t('shell.nav.label')}>
        <Stack justify="space-between" h="100%">
          <Stack gap="xs">
            <Text size="sm" hiddenFrom="sm" px="xs">
              {who}
            </Text>
            <Navigation role={session.user.role} onNavigate={navigation.close} />
          </Stack>
          <Stack gap="xs">
            <Divider />
            <Button variant="subtle" color="dark" justify="start" onClick={() => signOut('signed-out')}>
              {t('shell.signOut')}
            </Button>
          </Stack>
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1} style={{ outline: 'none' }}>
        <div style={{ maxWidth: 960 }}>
          <Outlet />
        </div>
      </AppShell.Main>
      <IdleWarningDialog opened={idle.warningOpen} onStay={() => void idle.staySignedIn()} />
    </AppShell>
  );
}
