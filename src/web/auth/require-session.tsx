import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../../domain/roles.js';
import { ForbiddenPage } from '../shell/forbidden-page';
import { useSessionContext } from './session-context';

/** Pages behind sign-in. Signed out (or timed out) → the sign-in page, with nothing personal kept. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { state } = useSessionContext();
  const location = useLocation();
  if (state.status === 'checking') {
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (state.status === 'signed-out') {
    // Only a fresh visit comes back to the page it asked for; after a sign-out the next person to
    // sign in on this browser starts at home. The path holds ids only, never names.
    return <Navigate to="/sign-in" replace state={state.reason ? null : { from: location.pathname }} />;
  }
  return children;
}

/** A page for some roles only; the server refuses the data anyway, this just explains. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { state } = useSessionContext();
  if (state.status === 'signed-in' && !roles.includes(state.session.user.role)) {
    return <ForbiddenPage />;
  }
  return children;
}
